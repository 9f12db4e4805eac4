package io.github.llmgs.engine.batch;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import java.util.List;

/**
 * Programs to run on every instance of one task. {@code perEpisode} asks for each episode's
 * return, steps, calls and crash flag besides each program's mean return.
 *
 * <p>{@code thresholds} (optional, one per program; NaN for none) say that only a mean above
 * the threshold matters: a backend may then stop a program's episodes once even
 * {@link Task#maxReturn} on every remaining instance cannot lift its mean above it, and report
 * {@link BatchResult#NOT_ABOVE} instead. A program whose mean is above its threshold is always
 * scored in full; a backend may ignore thresholds and score everything.
 *
 * <p>Every backend's work arrives as a request, so this is where programs beyond the engine's
 * limits are refused ({@link CapacityException}), the same way on every backend.
 */
public record BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs,
                           boolean perEpisode, int maxCalls, double[] thresholds) {
    public BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs, boolean perEpisode, int maxCalls) {
        this(task, instances, programs, perEpisode, maxCalls, null);
    }

    public BatchRequest {
        instances = List.copyOf(instances);
        programs = List.copyOf(programs);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one task instance");
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        }
        if (thresholds != null) {
            if (thresholds.length != programs.size()) {
                throw new IllegalArgumentException(thresholds.length + " thresholds for " + programs.size() + " programs");
            }
            if (perEpisode) throw new IllegalArgumentException("per-episode results need every episode: no thresholds");
            thresholds = thresholds.clone();
        }
        CapacityException.check(programs);
    }

    /** The threshold of program {@code k}, NaN for none. */
    public double threshold(int k) {
        return thresholds == null ? Double.NaN : thresholds[k];
    }

    public int episodes() {
        return programs.size() * instances.size();
    }
}
