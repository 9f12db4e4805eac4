package io.github.llmgs.kernels.minigrid;

import io.github.llmgs.engine.minigrid.MiniGridWorld;
import java.util.function.ToIntFunction;

/**
 * The ints of an instance's start world after reset(seed), as {@code minigrid.cl} reads them
 * ({@code START_*} in the generated {@code minigrid.h}, by ordinal): the agent, what it carries,
 * the step count and the task fields a step reads. The cells travel in their own buffer; what
 * only generation uses (the gap, the goal, where the ball was) stays on the host.
 */
enum MiniGridStart {
    AGENT_X(w -> w.agentX),
    AGENT_Y(w -> w.agentY),
    AGENT_DIR(w -> w.agentDir),
    AGENT_POS_IS_ARRAY(w -> w.agentPosIsArray ? 1 : 0),
    CARRY_TYPE(w -> w.carryType),
    CARRY_COLOR(w -> w.carryColor),
    STEP_COUNT(w -> w.stepCount),
    RED_DOOR_X(w -> w.redDoorX),
    RED_DOOR_Y(w -> w.redDoorY),
    BLUE_DOOR_X(w -> w.blueDoorX),
    BLUE_DOOR_Y(w -> w.blueDoorY),
    MOVE_TYPE(w -> w.moveType),
    MOVE_COLOR(w -> w.moveColor),
    TARGET_X(w -> w.targetX),
    TARGET_Y(w -> w.targetY),
    REWARD_GIVEN(w -> w.rewardGiven ? 1 : 0);

    private final ToIntFunction<MiniGridWorld> field;

    MiniGridStart(ToIntFunction<MiniGridWorld> field) {
        this.field = field;
    }

    int of(MiniGridWorld world) {
        return field.applyAsInt(world);
    }
}
