/*
 * karel_reward_marker_clearing.cl -- the reward of io.github.llmgs.engine.tasks.MarkerClearing
 * (Harvester and CleanHouse), included by karel.cl.
 */

#if TASK == TASK_HARVESTER || TASK == TASK_CLEAN_HOUSE
/* MarkerClearing (Harvester and CleanHouse): params [N0]; the sparse variant never updates prev. */
typedef struct { int done; int initialMarkers, prev; } Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->initialMarkers = params[0];
    rw->prev = rw->initialMarkers;
    rw->done = 0;
}

double markerClearingReward(Reward* rw, World* w) {
    int n = markerTotal(w);
#if SPARSE
    if (n > rw->prev) { rw->done = 1; return -1; }
    if (n == 0) { rw->done = 1; return 1; }
    return 0;
#else
    double r = (double) (rw->prev - n) / (double) rw->initialMarkers;
    if (n > rw->prev) {
        rw->done = 1;
        r = -1;
    } else if (n == 0) {
        rw->done = 1;
    }
    rw->prev = n;
    return r;
#endif
}

#if TASK == TASK_HARVESTER
static inline double harvesterReward(Reward* rw, World* w) { return markerClearingReward(rw, w); }
#define rewardStep(rw, w, keyPow) harvesterReward(rw, w)
#else
static inline double cleanHouseReward(Reward* rw, World* w) { return markerClearingReward(rw, w); }
#define rewardStep(rw, w, keyPow) cleanHouseReward(rw, w)
#endif
#endif
