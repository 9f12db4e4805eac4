package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/** Put one marker in each of the four inner corners and nowhere else. No params. */
public final class FourCorners extends KarelTask {
    public FourCorners(boolean sparse) {
        super("FourCorners", TaskKernel.FOUR_CORNERS, 12, 12, sparse);
    }

    @Override
    public String description() {
        return "put a marker in each of the four corners, nowhere else";
    }

    @Override
    public TaskInstance generate(int seed) {
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(rows(), cols()).borderWalls();
        int x = rng.randint(2, cols() - 2);
        b.hero(rows() - 2, x, Direction.EAST);
        return b.build(name(), seed);
    }

    static int cornersWithMarkers(World w) {
        int h = w.rows, wd = w.cols;
        int g = 0;
        if (w.markers[w.cell(1, 1)] > 0) g++;
        if (w.markers[w.cell(h - 2, 1)] > 0) g++;
        if (w.markers[w.cell(1, wd - 2)] > 0) g++;
        if (w.markers[w.cell(h - 2, wd - 2)] > 0) g++;
        return g;
    }

    @Override
    public Reward newReward() {
        return new CornersReward(sparse());
    }

    private static final class CornersReward implements Reward {
        private final boolean sparse;
        private int prevCorners;
        private boolean done;

        CornersReward(boolean sparse) {
            this.sparse = sparse;
        }

        @Override public void reset(TaskInstance inst, World w) {
            prevCorners = 0;
            done = false;
        }

        @Override public double step(World w) {
            int n = w.markerTotal();
            int g = cornersWithMarkers(w);
            if (sparse) {
                if (n > g) { done = true; return -1; }
                if (g == 4) { done = true; return 1; }
                return 0;
            }
            double r = (g - prevCorners) / 4.0;
            if (n > g) {
                done = true;
                r = -1;
            } else if (g == 4) {
                done = true;
            }
            prevCorners = g;
            return r;
        }

        @Override public boolean terminated() { return done; }
    }
}
