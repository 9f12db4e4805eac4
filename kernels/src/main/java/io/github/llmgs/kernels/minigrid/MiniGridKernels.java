package io.github.llmgs.kernels.minigrid;

import io.github.llmgs.engine.minigrid.MiniGridTask;

/** The MiniGrid kernel's file, entry and build options, for tools outside this package (the resource report). */
public final class MiniGridKernels {
    public static final String FILE = MiniGridSpec.FILE;
    public static final String KERNEL = MiniGridSpec.KERNEL;

    private MiniGridKernels() {}

    /** The options of {@code task}'s run build (not the trace build) at {@code maxCalls}. */
    public static String buildOptions(MiniGridTask task, int maxCalls) {
        return MiniGridSpec.of(task, maxCalls, false).buildOptions();
    }
}
