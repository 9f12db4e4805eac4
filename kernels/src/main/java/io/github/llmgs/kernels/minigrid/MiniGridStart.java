package io.github.llmgs.kernels.minigrid;

import io.github.llmgs.engine.minigrid.MiniGridWorld;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The ints of an instance's start world after reset(seed), as {@code minigrid.cl} reads them
 * ({@code START_*} in the generated {@code minigrid.h}, by ordinal): the agent, what it carries,
 * the step count and the task fields a step reads. The cells travel in their own buffer; what
 * only generation uses (the gap, the goal, where the ball was) stays on the host. The trace
 * build writes the world an episode ended in back in the same layout.
 */
enum MiniGridStart {
    AGENT_X(w -> w.agentX, (w, v) -> w.agentX = v),
    AGENT_Y(w -> w.agentY, (w, v) -> w.agentY = v),
    AGENT_DIR(w -> w.agentDir, (w, v) -> w.agentDir = v),
    AGENT_POS_IS_ARRAY(w -> w.agentPosIsArray ? 1 : 0, (w, v) -> w.agentPosIsArray = v != 0),
    CARRY_TYPE(w -> w.carryType, (w, v) -> w.carryType = v),
    CARRY_COLOR(w -> w.carryColor, (w, v) -> w.carryColor = v),
    STEP_COUNT(w -> w.stepCount, (w, v) -> w.stepCount = v),
    RED_DOOR_X(w -> w.redDoorX, (w, v) -> w.redDoorX = v),
    RED_DOOR_Y(w -> w.redDoorY, (w, v) -> w.redDoorY = v),
    BLUE_DOOR_X(w -> w.blueDoorX, (w, v) -> w.blueDoorX = v),
    BLUE_DOOR_Y(w -> w.blueDoorY, (w, v) -> w.blueDoorY = v),
    MOVE_TYPE(w -> w.moveType, (w, v) -> w.moveType = v),
    MOVE_COLOR(w -> w.moveColor, (w, v) -> w.moveColor = v),
    TARGET_X(w -> w.targetX, (w, v) -> w.targetX = v),
    TARGET_Y(w -> w.targetY, (w, v) -> w.targetY = v),
    REWARD_GIVEN(w -> w.rewardGiven ? 1 : 0, (w, v) -> w.rewardGiven = v != 0);

    private final ToIntFunction<MiniGridWorld> field;
    private final ObjIntConsumer<MiniGridWorld> setter;

    MiniGridStart(ToIntFunction<MiniGridWorld> field, ObjIntConsumer<MiniGridWorld> setter) {
        this.field = field;
        this.setter = setter;
    }

    int of(MiniGridWorld world) {
        return field.applyAsInt(world);
    }

    void set(MiniGridWorld world, int value) {
        setter.accept(world, value);
    }
}
