/* minigrid_reward_lava_gap.cl -- io.github.llmgs.engine.minigrid.LavaGap.step */
#if TASK == MINIGRID_TASK_LAVA_GAP

/*
 * A terminating step pays -1 when the base reward is exactly 0 (lava, and the goal at step 160,
 * where the decayed reward is exactly 0.0) and +1 otherwise.
 */
static inline void step(MiniGridWorld* w, int action) {
    baseStep(w, action);
    if (w->terminated) {
        w->reward = w->reward == 0 ? -1.0 : 1.0;
    }
}

#endif
