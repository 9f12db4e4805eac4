package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;

/** Put exactly one marker on every inner cell. Params: [M]. */
public final class Seeder extends KarelTask {
    public Seeder() {
        super("Seeder", TaskKernel.SEEDER, 8, 8, false);
    }

    @Override
    public String description() {
        return "put exactly one marker on every inner cell";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        int x = rng.randint(2, w - 2);
        int y = rng.randint(1, h - 1);
        b.hero(y, x, Direction.EAST);
        return b.build(name(), seed, (w - 2) * (h - 2));
    }

    @Override
    public Reward newReward() {
        return new OneMarkerPerCell(false);
    }
}
