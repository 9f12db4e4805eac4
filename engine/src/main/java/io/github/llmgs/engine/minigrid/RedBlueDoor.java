package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;

/** RedBlueDoor, size 6: a 12 x 6 grid with a 6 x 6 room (spec/minigrid.md sections 4 and 6). */
public final class RedBlueDoor implements MiniGridTask {
    public static final RedBlueDoor INSTANCE = new RedBlueDoor();
    private static final int SIZE = 6;

    private RedBlueDoor() {}

    @Override
    public String name() {
        return "RedBlueDoor";
    }

    @Override
    public String description() {
        return "open the red door, then the blue door";
    }

    @Override
    public int width() {
        return 2 * SIZE;
    }

    @Override
    public int height() {
        return SIZE;
    }

    @Override
    public int maxSteps() {
        return 20 * SIZE * SIZE;
    }

    @Override
    public void generate(MiniGridWorld w, Generator rng) {
        w.wallRect(0, 0, 2 * SIZE, SIZE);
        w.wallRect(SIZE / 2, 0, SIZE, SIZE);
        w.placeAgent(rng, SIZE / 2, 0, SIZE, SIZE);
        w.redDoorX = SIZE / 2;
        w.redDoorY = rng.randInt(1, SIZE - 1);
        w.put(w.redDoorX, w.redDoorY, ObjectType.DOOR, Color.RED, ObjectType.DOOR_CLOSED);
        w.blueDoorX = SIZE / 2 + SIZE - 1;
        w.blueDoorY = rng.randInt(1, SIZE - 1);
        w.put(w.blueDoorX, w.blueDoorY, ObjectType.DOOR, Color.BLUE, ObjectType.DOOR_CLOSED);
        w.rewardGiven = false;
        w.mission = "open the red door then the blue door";
    }

    /** +0.5 once for opening red; opening blue ends the episode, +0.5 if red is open then, else -1. */
    @Override
    public void step(MiniGridWorld w, Action action) {
        boolean redBefore = w.isDoorOpen(w.redDoorX, w.redDoorY);
        boolean blueBefore = w.isDoorOpen(w.blueDoorX, w.blueDoorY);
        w.baseStep(action);
        boolean redAfter = w.isDoorOpen(w.redDoorX, w.redDoorY);
        boolean blueAfter = w.isDoorOpen(w.blueDoorX, w.blueDoorY);
        if (blueAfter) {
            w.terminated = true;
            w.reward = redBefore ? 0.5 : -1.0;
        } else if (redAfter) {
            if (blueBefore) {
                w.terminated = true;
                w.reward = -1.0;
            } else if (!redBefore && !w.rewardGiven) {
                w.reward = 0.5;
                w.rewardGiven = true;
            }
        }
    }
}
