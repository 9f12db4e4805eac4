/*
 * karel_reward_one_stroke.cl -- the reward of io.github.llmgs.engine.tasks.OneStroke,
 * included by karel.cl.
 */

#if TASK == TASK_ONE_STROKE
/* OneStroke: params [M]; every cell left behind becomes a wall. */
typedef struct { int done; int cellsToVisit, visited, prevCell; } Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->cellsToVisit = params[0];
    rw->visited = 0;
    rw->prevCell = heroCell(w);
    rw->done = 0;
}

double oneStrokeReward(Reward* rw, World* w) {
    int here = heroCell(w);
    double r = 0;
    if (here != rw->prevCell) {
        rw->visited++;
        r = 1.0 / (double) rw->cellsToVisit;
        setWall(w, rw->prevCell, 1);
    }
    rw->done = rw->visited == rw->cellsToVisit;
    rw->prevCell = here;
    return r;
}
#define rewardStep(rw, w, keyPow) oneStrokeReward(rw, w)
#endif
