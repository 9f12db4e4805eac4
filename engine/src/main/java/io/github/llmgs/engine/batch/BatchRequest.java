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
 * <p>{@code knownReturns} (optional, one row per program, null for none; NaN where not known)
 * hand in returns already known exactly: the episode of a program on an instance where it runs
 * the very instructions of a program already scored (a climbing step's neighbour, changed where
 * the current program's episode on that instance never goes) has that program's return. A
 * backend may take them instead of running those episodes, or ignore them: either way the means
 * are the same. They are the {@code cpu} VM's returns, which every backend reproduces.
 *
 * <p>Every backend's work arrives as a request, so this is where programs beyond the engine's
 * limits are refused ({@link CapacityException}), the same way on every backend.
 */
public record BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs,
                           boolean perEpisode, int maxCalls, double[] thresholds, int[] groups, double[][] knownReturns) {
    public BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs, boolean perEpisode, int maxCalls) {
        this(task, instances, programs, perEpisode, maxCalls, null, null, null);
    }

    public BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs, boolean perEpisode, int maxCalls,
                        double[] thresholds, int[] groups) {
        this(task, instances, programs, perEpisode, maxCalls, thresholds, groups, null);
    }

    public BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs, boolean perEpisode, int maxCalls,
                        double[] thresholds) {
        this(task, instances, programs, perEpisode, maxCalls, thresholds, null, null);
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
        if (knownReturns != null) {
            if (perEpisode) throw new IllegalArgumentException("per-episode results need every episode run: no known returns");
            if (knownReturns.length != programs.size()) {
                throw new IllegalArgumentException(knownReturns.length + " rows of known returns for " + programs.size() + " programs");
            }
            knownReturns = knownReturns.clone();
            for (int k = 0; k < knownReturns.length; k++) {
                if (knownReturns[k] == null) continue;
                if (knownReturns[k].length != instances.size()) {
                    throw new IllegalArgumentException("program " + k + ": " + knownReturns[k].length + " known returns for "
                            + instances.size() + " instances");
                }
                knownReturns[k] = knownReturns[k].clone();
            }
        }
        CapacityException.check(programs);
    }

    /** Program {@code k}'s known return on instance {@code i}, NaN when not known. */
    public double knownReturn(int k, int i) {
        double[] row = knownReturns == null ? null : knownReturns[k];
        return row == null ? Double.NaN : row[i];
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
