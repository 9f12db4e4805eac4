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
 * <p>{@code groups} (optional, one per program; -1 for none) go further: the programs of one
 * group (a climbing step's neighbours) are tried in index order and only those up to the first
 * whose mean is above its threshold matter, so a backend may skip the later ones of that group,
 * or stop them part way, and report {@link BatchResult#SKIPPED}. Every program up to and
 * including the group's first one above its threshold is always answered as without groups.
 *
 * <p>Every backend's work arrives as a request, so this is where programs beyond the engine's
 * limits are refused ({@link CapacityException}), the same way on every backend.
 */
public record BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs,
                           boolean perEpisode, int maxCalls, double[] thresholds, int[] groups) {
    public BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs, boolean perEpisode, int maxCalls) {
        this(task, instances, programs, perEpisode, maxCalls, null, null);
    }

    public BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs, boolean perEpisode, int maxCalls,
                        double[] thresholds) {
        this(task, instances, programs, perEpisode, maxCalls, thresholds, null);
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
        if (groups != null) {
            if (thresholds == null) throw new IllegalArgumentException("groups need thresholds: a group stops at its first program above one");
            if (groups.length != programs.size()) {
                throw new IllegalArgumentException(groups.length + " groups for " + programs.size() + " programs");
            }
            groups = groups.clone();
            for (int g : groups) {
                if (g < -1) throw new IllegalArgumentException("a group is >= 0, or -1 for none; got " + g);
            }
        }
        CapacityException.check(programs);
    }

    /** The threshold of program {@code k}, NaN for none. */
    public double threshold(int k) {
        return thresholds == null ? Double.NaN : thresholds[k];
    }

    /** The group of program {@code k}, -1 for none. */
    public int group(int k) {
        return groups == null ? -1 : groups[k];
    }

    /** One more than the largest group: the groups a backend keeps track of. */
    public int groupCount() {
        int max = -1;
        if (groups != null) {
            for (int g : groups) max = Math.max(max, g);
        }
        return max + 1;
    }

    public int episodes() {
        return programs.size() * instances.size();
    }
}
