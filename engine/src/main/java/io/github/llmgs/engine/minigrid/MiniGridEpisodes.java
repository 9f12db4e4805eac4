package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Node;
import java.util.List;

/**
 * Runs batches of MiniGrid episodes: the seam where the CPU VM and the OpenCL kernel will plug in
 * beside the oracle ({@link MiniGridReference}), so that {@link MiniGridConformance} and the
 * command line hold any of them to the same vectors. An implementation's results never depend
 * on batch size, thread count or device.
 */
public interface MiniGridEpisodes {
    /** What {@code --backend} calls it, e.g. {@code reference}. */
    String name();

    /** What runs the work, e.g. "Java tree-walker, 2 threads". */
    String device();

    /**
     * Every program on every instance: {@code result[p][i]} is program {@code p} on the task's
     * instance seed {@code seeds[i]}, under a wrapper with {@code maxCalls}.
     */
    EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls);
}
