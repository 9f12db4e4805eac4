package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.vm.Coverage;
import java.util.List;

/** Scores programs (mean return over the task's instances), many at once. */
public interface Scorer {
    double[] scores(List<Node.Program> programs);

    /**
     * As {@link #scores(List)} where only scores above {@code threshold} matter: a program that is
     * not above it may score {@link io.github.llmgs.engine.batch.BatchResult#NOT_ABOVE}, and
     * only the programs up to the first above it (a climbing step stops there): the ones after it
     * may score {@link io.github.llmgs.engine.batch.BatchResult#SKIPPED}. By default every program
     * is scored in full.
     */
    default double[] scores(List<Node.Program> programs, double threshold) {
        return scores(programs);
    }

    /**
     * As {@link #scores(List, double)}, where {@code known[i]} (NaN: not known) is already the
     * exact score of {@code programs[i]}: those are not computed.
     */
    default double[] scores(List<Node.Program> programs, double threshold, double[] known) {
        return scores(programs, threshold);
    }

    /**
     * As {@link #scores(List, double, double[])}, where {@code knownReturns[i]} (null: none; NaN
     * where not known) holds returns of {@code programs[i]} on single instances already known
     * exactly; a scorer may take them instead of running those episodes.
     */
    default double[] scores(List<Node.Program> programs, double threshold, double[] known, double[][] knownReturns) {
        return scores(programs, threshold, known);
    }

    /**
     * Per instance, which nodes of {@code program} its episode reaches, with its return
     * ({@link Coverage#byInstance}), or null when this scorer cannot tell.
     */
    default Coverage.ByInstance byInstance(Node.Program program) {
        return null;
    }

    /**
     * Which nodes of {@code program} its episodes on the run's instances reach, one flag per node
     * in pre-order with the program first ({@link io.github.llmgs.engine.vm.Coverage}), or null
     * when this scorer cannot tell.
     */
    default boolean[] reached(Node.Program program) {
        return null;
    }

    /** Programs actually computed (not served from a cache), for the raw count. */
    long computed();

    /** Episodes actually run, or -1 when not known. */
    default long episodes() {
        return -1;
    }
}
