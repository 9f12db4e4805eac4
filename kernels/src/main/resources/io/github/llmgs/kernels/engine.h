/* Generated from io.github.llmgs.engine (ExitStatus, tasks.TaskKernel, World) and kernels.WhileTables -- do not edit by hand. */
#ifndef LLMGS_ENGINE_H
#define LLMGS_ENGINE_H

/* World.KEY_BASE: the base of the WHILE state key's polynomial hash. */
#define KEY_BASE 0x9E3779B97F4A7C15UL

/* World.MAX_MARKERS: the most markers a cell holds. */
#define MAX_MARKERS 10

/* ExitStatus ordinals: how an episode's run ended. */
#define STATUS_OK 0
#define STATUS_WHILE_REPEAT 1
#define STATUS_CALL_LIMIT 2
#define STATUS_BAD_OPCODE 3

/* WhileTables.STATUS_RETRY: no large WHILE table was left; the host reruns the pair (never a result). */
#define STATUS_RETRY 4

/* WhileTables.SMALL_SLOTS, SMALL_LIMIT: a work-item's private WHILE table, and the digests it takes. */
#define WHILE_SMALL_SLOTS 64
#define WHILE_SMALL_LIMIT 48

/* TaskKernel ordinals (Task.kernelId()): the reward code -DTASK selects; a sparse variant shares its task's. */
#define TASK_STAIR_CLIMBER 0
#define TASK_MAZE 1
#define TASK_FOUR_CORNERS 2
#define TASK_TOP_OFF 3
#define TASK_HARVESTER 4
#define TASK_CLEAN_HOUSE 5
#define TASK_DOOR_KEY 6
#define TASK_ONE_STROKE 7
#define TASK_SEEDER 8
#define TASK_SNAKE 9
#define TASK_WALL_AVOIDER 10
#define TASK_PATH_FOLLOW 11

#endif
