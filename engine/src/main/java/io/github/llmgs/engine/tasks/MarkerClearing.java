package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/**
 * Harvester's and CleanHouse's reward: pick up all N0 markers, never add one. Params: [N0].
 * The sparse variant never updates prev (a quirk of the reference).
 */
final class MarkerClearing implements Reward {
    private final boolean sparse;
    private int initialMarkers;
    private int prev;
    private boolean done;

    MarkerClearing(boolean sparse) {
        this.sparse = sparse;
    }

    @Override public void reset(TaskInstance inst, World w) {
        initialMarkers = inst.params()[0];
        prev = initialMarkers;
        done = false;
    }

    @Override public double step(World w) {
        int n = w.markerTotal();
        if (sparse) {
            if (n > prev) { done = true; return -1; }
            if (n == 0) { done = true; return 1; }
            return 0;
        }
        double r = (double) (prev - n) / initialMarkers;
        if (n > prev) {
            done = true;
            r = -1;
        } else if (n == 0) {
            done = true;
        }
        prev = n;
        return r;
    }

    @Override public boolean terminated() { return done; }
}
