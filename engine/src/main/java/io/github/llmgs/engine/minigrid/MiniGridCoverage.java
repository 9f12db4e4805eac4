package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.vm.Coverage;

/**
 * {@link Coverage} of MiniGrid programs on a run's instances, on the VM whatever backend scores
 * them, each episode run by the {@code cpu} backend's own runner, so that coverage and scoring
 * run the same episodes. One thread at a time: it keeps its runner and start worlds.
 */
public final class MiniGridCoverage {
    private final MiniGridWorld[] starts;
    private final MiniGridCpu.Runner runner;

    public MiniGridCoverage(MiniGridTask task, long[] seeds, int maxCalls) {
        this.starts = new StartWorlds().of(task, seeds);
        this.runner = new MiniGridCpu.Runner(task, maxCalls);
    }

    /** {@link Coverage#reached} over every instance. */
    public boolean[] reached(Node.Program program) {
        return Coverage.reached(program, Domains.MINIGRID, (code, executed) -> {
            for (MiniGridWorld start : starts) runner.run(code, start, executed);
        });
    }
}
