/* minigrid_reward_red_blue_door.cl -- io.github.llmgs.engine.minigrid.RedBlueDoor.step */
#if TASK == MINIGRID_TASK_RED_BLUE_DOOR

/* +0.5 once for opening red; opening blue ends the episode, +0.5 if red is open then, else -1. */
static inline void step(MiniGridWorld* w, int action) {
    int redBefore = isDoorOpen(w, w->redDoorX, w->redDoorY);
    int blueBefore = isDoorOpen(w, w->blueDoorX, w->blueDoorY);
    baseStep(w, action);
    int redAfter = isDoorOpen(w, w->redDoorX, w->redDoorY);
    int blueAfter = isDoorOpen(w, w->blueDoorX, w->blueDoorY);
    if (blueAfter) {
        w->terminated = 1;
        w->reward = redBefore ? 0.5 : -1.0;
    } else if (redAfter) {
        if (blueBefore) {
            w->terminated = 1;
            w->reward = -1.0;
        } else if (!redBefore && !w->rewardGiven) {
            w->reward = 0.5;
            w->rewardGiven = 1;
        }
    }
}

#endif
