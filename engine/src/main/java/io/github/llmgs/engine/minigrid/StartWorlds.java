package io.github.llmgs.engine.minigrid;

import java.util.Arrays;

/**
 * Each instance's world right after reset(seed), generated once and kept while the batches ask
 * for the same task and seeds (a search asks for the same ones every time). Episodes only copy
 * them: a wrapper copies its start world and never changes it.
 */
final class StartWorlds {
    private MiniGridTask task;
    private long[] seeds;
    private MiniGridWorld[] worlds;

    synchronized MiniGridWorld[] of(MiniGridTask task, long[] seeds) {
        if (task != this.task || !Arrays.equals(seeds, this.seeds)) {
            MiniGridWorld[] fresh = new MiniGridWorld[seeds.length];
            for (int i = 0; i < seeds.length; i++) fresh[i] = MiniGridWorld.generate(task, seeds[i]);
            worlds = fresh;
            this.task = task;
            this.seeds = seeds.clone();
        }
        return worlds;
    }
}
