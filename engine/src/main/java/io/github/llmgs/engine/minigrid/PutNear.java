package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;

/** PutNear, size 6, a ball and a box (spec/minigrid.md sections 4 and 6). */
public final class PutNear implements MiniGridTask {
    public static final PutNear INSTANCE = new PutNear();
    private static final int SIZE = 6;

    private PutNear() {}

    @Override
    public String name() {
        return "PutNear";
    }

    @Override
    public String description() {
        return "pick up the ball and drop it next to the box";
    }

    @Override
    public int width() {
        return SIZE;
    }

    @Override
    public int height() {
        return SIZE;
    }

    @Override
    public int maxSteps() {
        return 5 * SIZE;
    }

    /**
     * The box may share the ball's colour: the reference retries only on a repeated
     * (type, colour), and the types differ.
     */
    @Override
    public void generate(MiniGridWorld w, Generator rng) {
        w.wallRect(0, 0, SIZE, SIZE);
        w.moveType = ObjectType.BALL;
        w.moveColor = Color.SORTED[rng.randElemIndex(Color.SORTED.length)];
        int ball = w.placeObj(rng, null);
        w.moveX = ball % SIZE;
        w.moveY = ball / SIZE;
        w.put(w.moveX, w.moveY, ObjectType.BALL, w.moveColor, 0);
        w.targetType = ObjectType.BOX;
        w.targetColor = Color.SORTED[rng.randElemIndex(Color.SORTED.length)];
        int bx = w.moveX;
        int by = w.moveY;
        int box = w.placeObj(rng, (x, y) -> Math.abs(x - bx) <= 1 && Math.abs(y - by) <= 1);
        w.targetX = box % SIZE;
        w.targetY = box / SIZE;
        w.put(w.targetX, w.targetY, ObjectType.BOX, w.targetColor, 0);
        w.placeAgent(rng, 0, 0, SIZE, SIZE);
        w.rewardGiven = false;
        w.mission = "put the " + Color.name(w.moveColor) + " ball near the " + Color.name(w.targetColor) + " box";
    }

    /**
     * Picking up the wrong object ends the episode with -1, the right one pays +0.5 once. Every
     * drop while carrying ends the episode, even a blocked one; it pays +0.5 when the drop
     * happened next to the box's generation position (kept even after the box is gone).
     */
    @Override
    public void step(MiniGridWorld w, Action action) {
        boolean carriedBefore = w.isCarryingObject();
        w.baseStep(action);
        if (action == Action.PICKUP && w.isCarryingObject()) {
            if (w.carryType != w.moveType || w.carryColor != w.moveColor) {
                w.terminated = true;
                w.reward = -1.0;
            } else if (!w.rewardGiven) {
                w.reward = 0.5;
                w.rewardGiven = true;
            }
        }
        if (action == Action.DROP && carriedBefore) {
            boolean dropped = !w.isCarryingObject();
            if (dropped && Math.abs(w.frontX() - w.targetX) <= 1 && Math.abs(w.frontY() - w.targetY) <= 1) {
                w.reward = 0.5;
            }
            w.terminated = true;
        }
    }
}
