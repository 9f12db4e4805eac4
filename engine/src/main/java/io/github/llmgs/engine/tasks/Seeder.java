package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/** Put exactly one marker on every inner cell. Params: [M]. */
public final class Seeder extends KarelTask {
    public Seeder() {
        super("Seeder", 8, 8, 8, false);
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
        return new SeederReward();
    }

    private static final class SeederReward implements Reward {
        private int target, prev;
        private boolean done;

        @Override public void reset(TaskInstance inst, World w) {
            target = inst.params()[0];
            prev = 0;
            done = false;
        }

        @Override public double step(World w) {
            int n = w.markerTotal();
            double r = (double) (n - prev) / target;
            if (w.anyCellOverOne() || n < prev) {
                done = true;
                r = -1;
            } else if (n == target) {
                done = true;
            }
            prev = n;
            return r;
        }

        @Override public boolean terminated() { return done; }
    }
}
