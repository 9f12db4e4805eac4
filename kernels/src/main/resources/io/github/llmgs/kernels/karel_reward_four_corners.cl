/*
 * karel_reward_four_corners.cl -- the reward of io.github.llmgs.engine.tasks.FourCorners,
 * included by karel.cl.
 */

#if TASK == TASK_FOUR_CORNERS
/* FourCorners: no params. */
typedef struct { int done; int prevCorners; } Reward;

static inline int cornersWithMarkers(const World* w) {
    int g = 0;
    if (w->markers[cell(1, 1)] > 0) g++;
    if (w->markers[cell(ROWS - 2, 1)] > 0) g++;
    if (w->markers[cell(1, COLS - 2)] > 0) g++;
    if (w->markers[cell(ROWS - 2, COLS - 2)] > 0) g++;
    return g;
}

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->prevCorners = 0;
    rw->done = 0;
}

double fourCornersReward(Reward* rw, World* w) {
    int n = markerTotal(w);
    int g = cornersWithMarkers(w);
#if SPARSE
    if (n > g) { rw->done = 1; return -1; }
    if (g == 4) { rw->done = 1; return 1; }
    return 0;
#else
    double r = (double) (g - rw->prevCorners) / 4.0;
    if (n > g) {
        rw->done = 1;
        r = -1;
    } else if (g == 4) {
        rw->done = 1;
    }
    rw->prevCorners = g;
    return r;
#endif
}
#define rewardStep(rw, w, keyPow) fourCornersReward(rw, w)
#endif
