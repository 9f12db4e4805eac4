package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/**
 * Eat food markers while a tail of markers follows the hero; touching the tail ends it.
 * Params: [seed, foodCell]. New food is drawn from a fresh RandomState(seed) per episode.
 */
public final class Snake extends KarelTask {
    static final int FINAL_SIZE = 22;

    public Snake() {
        super("Snake", TaskKernel.SNAKE, 8, 8, false);
    }

    @Override
    public String description() {
        return "eat 20 food markers while a tail of markers follows; do not bite the tail";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        int x = rng.randint(2, w - 2);
        int y = rng.randint(1, h - 1);
        b.hero(y, x, Direction.EAST);
        int ym, xm;
        do {
            ym = rng.randint(1, h - 1);
            xm = rng.randint(1, w - 1);
        } while (ym == y && xm == x);
        b.addMarker(ym, xm);
        return b.build(name(), seed, seed, b.cell(ym, xm));
    }

    @Override
    public Reward newReward() {
        return new SnakeReward();
    }

    private static final class SnakeReward implements Reward {
        private final RandomState foodRng = new RandomState(0);
        /** Body cells, oldest first; at most FINAL_SIZE + 1 live between append and trim. */
        private final int[] body = new int[FINAL_SIZE + 2];
        private int bodyLength;
        private int size;
        private int food;
        private boolean done;

        @Override public void reset(TaskInstance inst, World w) {
            foodRng.reseed(Integer.toUnsignedLong(inst.params()[0]));
            food = inst.params()[1];
            size = 2;
            body[0] = w.heroCell();
            bodyLength = 1;
            done = false;
        }

        @Override public double step(World w) {
            int hero = w.heroCell();
            double r = 0;
            if (hero == food) {
                size++;
                w.removeMarker(food);
                r = 1.0 / 20;
                if (size == FINAL_SIZE) {
                    done = true;
                    return r;
                }
                food = drawFood(w, hero);
                w.addMarker(food);
            }
            int last = body[bodyLength - 1];
            if (indexInBody(hero) < bodyLength - 1) {
                done = true;
                return -1;
            }
            if (hero != last) {
                w.addMarker(last);
                body[bodyLength++] = hero;
                if (bodyLength > size) {
                    w.removeMarker(body[0]);
                    System.arraycopy(body, 1, body, 0, bodyLength - 1);
                    bodyLength--;
                }
            }
            return r;
        }

        private int drawFood(World w, int hero) {
            while (true) {
                int ym = foodRng.randint(1, w.rows - 1);
                int xm = foodRng.randint(1, w.cols - 1);
                int cell = w.cell(ym, xm);
                if (!w.wall[cell] && cell != hero && indexInBody(cell) == bodyLength) {
                    return cell;
                }
            }
        }

        private int indexInBody(int cell) {
            for (int i = 0; i < bodyLength; i++) {
                if (body[i] == cell) return i;
            }
            return bodyLength;
        }

        @Override public boolean terminated() { return done; }
    }
}
