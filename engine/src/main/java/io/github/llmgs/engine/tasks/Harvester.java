package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;

/** Pick up the marker on every inner cell. Params: [N0]. */
public final class Harvester extends KarelTask {
    public Harvester(boolean sparse) {
        super("Harvester", TaskKernel.HARVESTER, 8, 8, sparse);
    }

    @Override
    public String description() {
        return "pick up the marker on every inner cell";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        int x = rng.randint(2, w - 2);
        b.hero(h - 2, x, Direction.EAST);
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                b.addMarker(r, c);
            }
        }
        return b.build(name(), seed, (h - 2) * (w - 2));
    }

    @Override
    public Reward newReward() {
        return new MarkerClearing(sparse());
    }
}
