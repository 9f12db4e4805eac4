/* minigrid_reward_put_near.cl -- io.github.llmgs.engine.minigrid.PutNear.step */
#if TASK == MINIGRID_TASK_PUT_NEAR

/*
 * Picking up the wrong object ends the episode with -1, the right one pays +0.5 once. Every drop
 * while carrying ends the episode, even a blocked one; it pays +0.5 when the drop happened next
 * to the box's generation position (kept even after the box is gone).
 */
static inline void step(MiniGridWorld* w, int action) {
    int carriedBefore = isCarryingObject(w);
    baseStep(w, action);
    if (action == MINIGRID_ACTION_PICKUP && isCarryingObject(w)) {
        if (w->carryType != w->moveType || w->carryColor != w->moveColor) {
            w->terminated = 1;
            w->reward = -1.0;
        } else if (!w->rewardGiven) {
            w->reward = 0.5;
            w->rewardGiven = 1;
        }
    }
    if (action == MINIGRID_ACTION_DROP && carriedBefore) {
        int dropped = !isCarryingObject(w);
        if (dropped && abs(frontX(w) - w->targetX) <= 1 && abs(frontY(w) - w->targetY) <= 1) {
            w->reward = 0.5;
        }
        w->terminated = 1;
    }
}

#endif
