package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;

/**
 * Pick up the key marker to open the door in the middle wall, then put a marker on the goal.
 * Params: [keyCell, goalCell, doorCell1, doorCell2].
 */
public final class DoorKey extends KarelTask {
    public DoorKey() {
        super("DoorKey", TaskKernel.DOOR_KEY, 8, 8, false);
    }

    @Override
    public String description() {
        return "pick the key marker to open the door, then top the goal marker up to two";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w).borderWalls();
        int c = (w + 1) / 2;
        for (int r = 0; r < h; r++) {
            b.wall(r, c);
        }
        int keyRow = rng.randint(1, h - 1), keyCol = rng.randint(1, c);
        int goalRow = rng.randint(1, h - 1), goalCol = rng.randint(c + 1, w - 1);
        b.addMarker(keyRow, keyCol);
        b.addMarker(goalRow, goalCol);
        int y, x;
        do {
            y = rng.randint(1, h - 1);
            x = rng.randint(1, c);
        } while (b.markerCount(y, x) > 0);
        b.hero(y, x, Direction.EAST);
        return b.build(name(), seed, b.cell(keyRow, keyCol), b.cell(goalRow, goalCol), b.cell(2, c), b.cell(3, c));
    }

    @Override
    public Reward newReward() {
        return new DoorKeyReward();
    }

    private static final class DoorKeyReward implements Reward {
        private int keyCell, goalCell, door1, door2;
        private boolean locked;
        private boolean done;

        @Override public void reset(TaskInstance inst, World w) {
            keyCell = inst.params()[0];
            goalCell = inst.params()[1];
            door1 = inst.params()[2];
            door2 = inst.params()[3];
            locked = true;
            done = false;
        }

        @Override public double step(World w) {
            int n = w.markerTotal();
            if (locked) {
                if (n > 2) {
                    done = true;
                    return -1;
                }
                if (w.markers[keyCell] == 0) {
                    locked = false;
                    w.setWall(door1, false);
                    w.setWall(door2, false);
                    return 0.5;
                }
                return 0;
            }
            if (n > 1) {
                done = true;
                return w.markers[goalCell] == 2 ? 0.5 : -1;
            }
            if (n == 0) {
                done = true;
                return -1;
            }
            return 0;
        }

        @Override public boolean terminated() { return done; }
    }
}
