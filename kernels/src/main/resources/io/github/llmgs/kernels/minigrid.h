/* Generated from io.github.llmgs.engine.minigrid (ObjectType, MiniGridTasks) and io.github.llmgs.kernels.minigrid (MiniGridStart, TraceField) -- do not edit by hand. */
#ifndef LLMGS_MINIGRID_H
#define LLMGS_MINIGRID_H

/* ObjectType: object types as their encode indices (TYPE_NONE: carrying nothing). */
#define TYPE_NONE 0
#define TYPE_EMPTY 1
#define TYPE_WALL 2
#define TYPE_FLOOR 3
#define TYPE_DOOR 4
#define TYPE_KEY 5
#define TYPE_BALL 6
#define TYPE_BOX 7
#define TYPE_GOAL 8
#define TYPE_LAVA 9

/* ObjectType: a door's state. */
#define DOOR_OPEN 0
#define DOOR_CLOSED 1
#define DOOR_LOCKED 2

/* MiniGridTasks.ALL indices: the step override -DTASK selects. */
#define MINIGRID_TASK_LAVA_GAP 0
#define MINIGRID_TASK_RED_BLUE_DOOR 1
#define MINIGRID_TASK_PUT_NEAR 2
#define MINIGRID_TASKS 3

/* MiniGridStart ordinals: the ints of an instance's start world. */
#define START_AGENT_X 0
#define START_AGENT_Y 1
#define START_AGENT_DIR 2
#define START_AGENT_POS_IS_ARRAY 3
#define START_CARRY_TYPE 4
#define START_CARRY_COLOR 5
#define START_STEP_COUNT 6
#define START_RED_DOOR_X 7
#define START_RED_DOOR_Y 8
#define START_BLUE_DOOR_X 9
#define START_BLUE_DOOR_Y 10
#define START_MOVE_TYPE 11
#define START_MOVE_COLOR 12
#define START_TARGET_X 13
#define START_TARGET_Y 14
#define START_REWARD_GIVEN 15
#define START_FIELDS 16

/* TraceField ordinals: the ints the trace build writes per step. */
#define TRACE_ACTION 0
#define TRACE_X 1
#define TRACE_Y 2
#define TRACE_DIR 3
#define TRACE_CARRY_TYPE 4
#define TRACE_CARRY_COLOR 5
#define TRACE_TERMINATED 6
#define TRACE_CALLS 7
#define TRACE_CRASHED 8
#define TRACE_FIELDS 9

#endif
