package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/** Visit every inner cell once; each cell left behind becomes a wall. Params: [M]. */
public final class OneStroke extends KarelTask {
    public OneStroke() {
        super("OneStroke", TaskKernel.ONE_STROKE, 8, 8, false);
    }

    @Override
    public String description() {
        return "visit every inner cell in one stroke: cells left behind turn into walls";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        int x = rng.randint(1, w - 1);
        int y = rng.randint(1, h - 1);
        b.hero(y, x, Direction.EAST);
        return b.build(name(), seed, (w - 2) * (h - 2) - 1);
    }

    @Override
    public Reward newReward() {
        return new OneStrokeReward();
    }

    private static final class OneStrokeReward implements Reward {
        private int cellsToVisit, visited, prevCell;
        private boolean done;

        @Override public void reset(TaskInstance inst, World w) {
            cellsToVisit = inst.params()[0];
            visited = 0;
            prevCell = w.heroCell();
            done = false;
        }

        @Override public double step(World w) {
            int here = w.heroCell();
            double r = 0;
            if (here != prevCell) {
                visited++;
                r = 1.0 / cellsToVisit;
                w.setWall(prevCell, true);
            }
            done = visited == cellsToVisit;
            prevCell = here;
            return r;
        }

        @Override public boolean terminated() { return done; }
    }
}
