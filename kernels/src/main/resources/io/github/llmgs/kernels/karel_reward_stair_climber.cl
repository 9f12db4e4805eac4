/*
 * karel_reward_stair_climber.cl -- the reward of io.github.llmgs.engine.tasks.StairClimber,
 * included by karel.cl.
 */

#if TASK == TASK_STAIR_CLIMBER
/* StairClimber: params [markerRow, markerCol, d0]. */
typedef struct { int done; int markerRow, markerCol, d0, prev; UnitSteps steps; } Reward;

static inline int onStairs(const World* w) {
    int diagonal = w->row + w->col;
    return (diagonal == ROWS - 1 && w->col >= 1 && w->col <= COLS - 2)
            || (diagonal == ROWS - 2 && w->col >= 1 && w->col <= COLS - 3);
}

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->markerRow = params[0];
    rw->markerCol = params[1];
    rw->d0 = params[2];
    rw->prev = rw->d0;
    rw->done = 0;
#if !SPARSE
    /* (prev - d) / d0 is (value - prev) / d0 for value -d */
    unitStepsReset(&rw->steps, -manhattan(w->row, w->col, rw->markerRow, rw->markerCol), -rw->d0, rw->d0);
#endif
}

double stairClimberReward(Reward* rw, World* w) {
#if SPARSE
    if (w->row == rw->markerRow && w->col == rw->markerCol) {
        rw->done = 1;
        return 1;
    }
    if (!onStairs(w)) {
        rw->done = 1;
        return -1;
    }
    return 0;
#else
    int d = manhattan(w->row, w->col, rw->markerRow, rw->markerCol);
    double r = unitStep(&rw->steps, -d, -rw->prev);
    if (!onStairs(w)) {
        rw->done = 1;
        return -1;
    }
    rw->done = w->row == rw->markerRow && w->col == rw->markerCol;
    rw->prev = d;
    return r;
#endif
}
#define rewardStep(rw, w, keyPow) stairClimberReward(rw, w)
#endif
