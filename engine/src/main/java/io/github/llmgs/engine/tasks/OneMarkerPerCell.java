package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/**
 * Seeder's and WallAvoider's reward: exactly one marker on each of M cells, never more on a
 * cell, never one picked up. Params: [M]. WallAvoider also forbids markers on the cells next to
 * the border ring, a test that stands apart from the others (both may set -1).
 */
final class OneMarkerPerCell implements Reward {
    private final boolean forbidRing;
    private int target, prev;
    private boolean done;

    OneMarkerPerCell(boolean forbidRing) {
        this.forbidRing = forbidRing;
    }

    @Override public void reset(TaskInstance inst, World w) {
        target = inst.params()[0];
        prev = 0;
        done = false;
    }

    @Override public double step(World w) {
        int n = w.markerTotal();
        double r = (double) (n - prev) / target;
        if (forbidRing && WallAvoider.markerOnIllegalCell(w)) {
            done = true;
            r = -1;
        }
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
