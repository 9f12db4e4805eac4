package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/**
 * Put one marker on every inner cell that does not touch the border ring. The hero may start on
 * a border cell (the reference draws its position without a +1 offset). Params: [M].
 */
public final class WallAvoider extends KarelTask {
    public WallAvoider() {
        super("WallAvoider", TaskKernel.WALL_AVOIDER, 8, 5, false);
    }

    @Override
    public String description() {
        return "put one marker on each cell not next to the outer walls";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        int s = rng.randint(0, 4 * (h - 2) * (w - 2));
        int x = s % (w - 2);
        int y = (s / (w - 2)) % (h - 2);
        int dir = s / ((h - 2) * (w - 2));
        b.hero(y, x, dir);
        return b.build(name(), seed, (w - 4) * (h - 4));
    }

    static boolean markerOnIllegalCell(World w) {
        for (int r = 1; r <= w.rows - 2; r++) {
            for (int c = 1; c <= w.cols - 2; c++) {
                boolean illegal = r == 1 || r == w.rows - 2 || c == 1 || c == w.cols - 2;
                if (illegal && w.markers[w.cell(r, c)] > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Reward newReward() {
        return new OneMarkerPerCell(true);
    }
}
