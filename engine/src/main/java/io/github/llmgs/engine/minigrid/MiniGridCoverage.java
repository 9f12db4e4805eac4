package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.vm.BytecodeVm;
import io.github.llmgs.engine.vm.Coverage;

/**
 * {@link Coverage} of MiniGrid programs on a run's instances, on the VM whatever backend scores
 * them. One thread at a time: it keeps its world, start worlds and VM.
 */
public final class MiniGridCoverage {
    private final MiniGridWorld[] starts;
    private final MiniGridVmWorld world;
    private final BytecodeVm vm;

    public MiniGridCoverage(MiniGridTask task, long[] seeds, int maxCalls) {
        this.starts = new StartWorlds().of(task, seeds);
        this.world = new MiniGridVmWorld(task, maxCalls);
        this.vm = new BytecodeVm(maxCalls);
    }

    /** {@link Coverage#reached} over every instance. */
    public boolean[] reached(Node.Program program) {
        return Coverage.reached(program, Domains.MINIGRID, (code, executed) -> {
            for (MiniGridWorld start : starts) {
                world.reset(start);
                vm.run(code, world, executed);
            }
        });
    }
}
