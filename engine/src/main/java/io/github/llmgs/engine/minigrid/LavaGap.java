package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;

/** LavaGap, size 6 (spec/minigrid.md sections 4 and 6). */
public final class LavaGap implements MiniGridTask {
    public static final LavaGap INSTANCE = new LavaGap();
    private static final int SIZE = 6;

    private LavaGap() {}

    @Override
    public String name() {
        return "LavaGap";
    }

    @Override
    public String description() {
        return "reach the green goal through the gap in a column of lava";
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
        return 4 * SIZE * SIZE;
    }

    @Override
    public void generate(MiniGridWorld w, Generator rng) {
        w.wallRect(0, 0, SIZE, SIZE);
        w.agentX = 1;
        w.agentY = 1;
        w.agentDir = 0;
        w.agentPosIsArray = true;
        w.goalX = SIZE - 2;
        w.goalY = SIZE - 2;
        w.put(w.goalX, w.goalY, ObjectType.GOAL, Color.GREEN, 0);
        w.gapX = rng.randInt(2, SIZE - 2);
        w.gapY = rng.randInt(1, SIZE - 1);
        for (int y = 1; y <= SIZE - 2; y++) {
            w.put(w.gapX, y, ObjectType.LAVA, Color.RED, 0);
        }
        w.clear(w.gapX, w.gapY);
        w.mission = "avoid the lava and get to the green goal square";
    }

    /**
     * A terminating step pays -1 when the base reward is exactly 0 (lava, and the goal at step
     * 160, where the decayed reward is exactly 0.0) and +1 otherwise.
     */
    @Override
    public void step(MiniGridWorld w, Action action) {
        w.baseStep(action);
        if (w.terminated) {
            w.reward = w.reward == 0 ? -1.0 : 1.0;
        }
    }
}
