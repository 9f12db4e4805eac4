package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk the bottom row and put a second marker on every marked cell. Params: [k, goal cell
 * ids...] (cell id = row * cols + col, in the generator's order).
 */
public final class TopOff extends KarelTask {
    public TopOff(boolean sparse) {
        super("TopOff", TaskKernel.TOP_OFF, 12, 12, sparse);
    }

    @Override
    public String description() {
        return "top off every marker on the bottom row to exactly two";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        b.hero(h - 2, 1, Direction.EAST);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 2; i <= w - 2; i++) {
            candidates.add(b.cell(h - 2, i));
        }
        rng.shuffle(candidates);
        int k = rng.randint(1, candidates.size());
        int[] params = new int[1 + k];
        params[0] = k;
        for (int i = 0; i < k; i++) {
            int cell = candidates.get(i);
            b.markers[cell]++;
            params[1 + i] = cell;
        }
        return b.build(name(), seed, params);
    }

    @Override
    public Reward newReward() {
        return new TopOffReward(sparse());
    }

    private static final class TopOffReward implements Reward {
        private final boolean sparse;
        private int[] params;
        private int prevCorrect;
        private boolean done;

        TopOffReward(boolean sparse) {
            this.sparse = sparse;
        }

        @Override public void reset(TaskInstance inst, World w) {
            params = inst.params();
            prevCorrect = 0;
            done = false;
        }

        @Override public double step(World w) {
            int k = params[0];
            int correct = 0;
            for (int i = 1; i <= k; i++) {
                int m = w.markers[params[i]];
                if (m == 2) {
                    correct++;
                } else if (m == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = w.markerTotal();
            if (sparse) {
                double r = 0;
                if (n > correct + k) { done = true; r = -1; }
                if (correct == k) { done = true; r = 1; }
                return r;
            }
            double r = (double) (correct - prevCorrect) / k;
            if (n > correct + k) {
                done = true;
                r = -1;
            } else if (correct == k) {
                done = true;
            }
            prevCorrect = correct;
            return r;
        }

        @Override public boolean terminated() { return done; }
    }
}
