package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.batch.BatchResult;
import java.util.List;

/**
 * Runs batches of MiniGrid episodes: the oracle ({@link MiniGridReference}), the CPU VM
 * ({@link MiniGridCpu}), later the OpenCL kernel, so that {@link MiniGridConformance}, the search
 * and the command line hold any of them to the same vectors. An implementation's results never
 * depend on batch size, thread count or device. Close it to stop its threads.
 */
public interface MiniGridEpisodes extends AutoCloseable {
    /** What {@code --backend} calls it, e.g. {@code reference}. */
    String name();

    /** What runs the work, e.g. "Java tree-walker, 2 threads". */
    String device();

    /** As {@link io.github.llmgs.engine.batch.Backend#pairsPerCall}: the most pairs one call of many searches should carry. */
    default long pairsPerCall() {
        return io.github.llmgs.engine.batch.Backend.DEFAULT_PAIRS_PER_CALL;
    }

    /**
     * Every program on every instance: {@code result[p][i]} is program {@code p} on the task's
     * instance seed {@code seeds[i]}, under a wrapper with {@code maxCalls}.
     */
    EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls);

    /**
     * One episode of {@code program} on the task's instance {@code seed}, with every executed
     * action's step and the world it ended in: what the vectors' traces check.
     */
    MiniGridTrace trace(MiniGridTask task, Node.Program program, long seed, int maxCalls);

    /** Each program's mean return, summed in seed order as on every backend ({@link BatchResult#mean}). */
    default double[] means(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        EpisodeResult[][] r = evaluate(task, programs, seeds, maxCalls);
        double[] means = new double[programs.size()];
        double[] returns = new double[seeds.length];
        for (int p = 0; p < means.length; p++) {
            for (int i = 0; i < seeds.length; i++) returns[i] = r[p][i].ret();
            means[p] = BatchResult.mean(returns, 0, seeds.length);
        }
        return means;
    }

    @Override
    default void close() {}
}
