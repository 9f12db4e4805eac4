package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/**
 * Climb a diagonal staircase to a marker. Params: [markerRow, markerCol, d0]. The valid cells
 * (stair cells and the cells above them) are the diagonals row + col = H-1 and H-2.
 */
public final class StairClimber extends KarelTask {
    public StairClimber(boolean sparse) {
        super("StairClimber", TaskKernel.STAIR_CLIMBER, 12, 12, sparse);
    }

    @Override
    public String description() {
        return "climb the staircase to the marker without leaving the stairs";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        for (int i = 1; i <= w - 3; i++) {
            b.wall(h - i - 1, i + 1);
            b.wall(h - i - 1, i + 2);
        }
        int stairs = w - 2;
        int a = rng.randint(0, stairs - 1);
        int m = rng.randint(a + 1, stairs);
        int heroRow = h - (a + 1) - 1, heroCol = a + 1;
        int markerRow = h - (m + 1) - 1, markerCol = m + 1;
        b.hero(heroRow, heroCol, Direction.EAST);
        b.addMarker(markerRow, markerCol);
        return b.build(name(), seed, markerRow, markerCol, manhattan(heroRow, heroCol, markerRow, markerCol));
    }

    static boolean onStairs(World w) {
        int diagonal = w.row + w.col;
        return (diagonal == w.rows - 1 && w.col >= 1 && w.col <= w.cols - 2)
                || (diagonal == w.rows - 2 && w.col >= 1 && w.col <= w.cols - 3);
    }

    @Override
    public Reward newReward() {
        return sparse() ? new SparseReward() : new DenseReward();
    }

    private static final class DenseReward implements Reward {
        private int markerRow, markerCol, d0, prev;
        private boolean done;

        @Override public void reset(TaskInstance inst, World w) {
            markerRow = inst.params()[0];
            markerCol = inst.params()[1];
            d0 = inst.params()[2];
            prev = d0;
            done = false;
        }

        @Override public double step(World w) {
            int d = manhattan(w.row, w.col, markerRow, markerCol);
            double r = (double) (prev - d) / d0;
            if (!onStairs(w)) {
                done = true;
                return -1;
            }
            done = w.row == markerRow && w.col == markerCol;
            prev = d;
            return r;
        }

        @Override public boolean terminated() { return done; }
    }

    private static final class SparseReward implements Reward {
        private int markerRow, markerCol;
        private boolean done;

        @Override public void reset(TaskInstance inst, World w) {
            markerRow = inst.params()[0];
            markerCol = inst.params()[1];
            done = false;
        }

        @Override public double step(World w) {
            if (w.row == markerRow && w.col == markerCol) {
                done = true;
                return 1;
            }
            if (!onStairs(w)) {
                done = true;
                return -1;
            }
            return 0;
        }

        @Override public boolean terminated() { return done; }
    }
}
