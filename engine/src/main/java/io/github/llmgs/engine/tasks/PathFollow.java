package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/**
 * Follow a staircase path of markers, picking them up, without straying. Params: [N0, legalLo,
 * legalHi]: a 64-bit set of legal ids, id = row * H + col (the reference uses H as the stride).
 */
public final class PathFollow extends KarelTask {
    public PathFollow() {
        super("PathFollow", TaskKernel.PATH_FOLLOW, 8, 8, false);
    }

    @Override
    public String description() {
        return "follow the path of markers picking them up, without leaving it";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        b.hero(h - 2, 1, Direction.NORTH);
        int[] path = new int[(h - 3) + (w - 3)];
        for (int i = h - 3; i < path.length; i++) {
            path[i] = 1;
        }
        rng.shuffle(path);
        int r = h - 2, c = 1;
        b.addMarker(r, c);
        long legal = legalAround(0L, r, c, h);
        for (int step : path) {
            if (step == 0) r--; else c++;
            b.addMarker(r, c);
            legal = legalAround(legal, r, c, h);
        }
        return b.build(name(), seed, h + w - 5, (int) legal, (int) (legal >>> 32));
    }

    private static long legalAround(long legal, int r, int c, int stride) {
        legal |= 1L << id(r, c, stride);
        legal |= 1L << id(r - 1, c, stride);
        legal |= 1L << id(r + 1, c, stride);
        legal |= 1L << id(r, c - 1, stride);
        legal |= 1L << id(r, c + 1, stride);
        return legal;
    }

    private static int id(int r, int c, int stride) {
        return r * stride + c;
    }

    @Override
    public Reward newReward() {
        return new PathFollowReward();
    }

    private static final class PathFollowReward implements Reward {
        private int initialMarkers, prev;
        private long legal;
        private boolean done;

        @Override public void reset(TaskInstance inst, World w) {
            initialMarkers = inst.params()[0];
            legal = (inst.params()[1] & 0xFFFFFFFFL) | ((long) inst.params()[2] << 32);
            prev = initialMarkers;
            done = false;
        }

        @Override public double step(World w) {
            int n = w.markerTotal();
            double r = (double) (prev - n) / initialMarkers;
            if (n > prev) {
                done = true;
                r = -1;
            } else if (n == 0) {
                done = true;
            }
            int heroId = id(w.row, w.col, w.rows);
            if (heroId < 0 || heroId >= 64 || (legal >>> heroId & 1) == 0) {
                done = true;
                r = -1;
            }
            prev = n;
            return r;
        }

        @Override public boolean terminated() { return done; }
    }
}
