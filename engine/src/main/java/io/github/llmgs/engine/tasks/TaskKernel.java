package io.github.llmgs.engine.tasks;

/**
 * Which reward code the OpenCL kernel compiles for a task: the kernel's {@code TASK_*} numbers
 * are generated from these ordinals, so a task and its kernel reward cannot drift apart. A
 * sparse variant shares its dense task's entry (the kernel's {@code SPARSE} option tells them
 * apart).
 */
public enum TaskKernel {
    STAIR_CLIMBER,
    MAZE,
    FOUR_CORNERS,
    TOP_OFF,
    HARVESTER,
    CLEAN_HOUSE,
    DOOR_KEY,
    ONE_STROKE,
    SEEDER,
    SNAKE,
    WALL_AVOIDER,
    PATH_FOLLOW
}
