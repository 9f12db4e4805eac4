package io.github.llmgs.kernels.minigrid;

import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.kernels.KernelSource;
import io.github.llmgs.kernels.KernelSpec;
import java.util.Locale;

/**
 * What one built {@code minigrid.cl} program is specialised for: a task (its grid and step
 * budget), a call limit, and whether it is the trace build.
 */
record MiniGridSpec(int task, int width, int height, int maxSteps, int maxCalls, boolean trace) implements KernelSpec {
    static final String FILE = "minigrid.cl";
    static final String KERNEL = "minigrid";

    static MiniGridSpec of(MiniGridTask task, int maxCalls, boolean trace) {
        int index = MiniGridTasks.ALL.indexOf(task);
        if (index < 0) throw new IllegalArgumentException("not a MiniGrid task of MiniGridTasks.ALL: " + task.name());
        return new MiniGridSpec(index, task.width(), task.height(), task.maxSteps(), maxCalls, trace);
    }

    int cells() {
        return width * height;
    }

    long whileCapacity() {
        return KernelSource.whileCapacity(maxCalls);
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public String kernelName() {
        return KERNEL;
    }

    @Override
    public String buildOptions() {
        return String.format(Locale.ROOT, "-DTASK=%d -DWIDTH=%d -DHEIGHT=%d -DMAX_STEPS=%d -DMAX_CALLS=%d -DWHILE_CAPACITY=%du "
                + "-DTRACE=%d", task, width, height, maxSteps, maxCalls, whileCapacity(), trace ? 1 : 0);
    }
}
