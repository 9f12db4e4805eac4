/*
 * karel_reward_path_follow.cl -- the reward of io.github.llmgs.engine.tasks.PathFollow,
 * included by karel.cl.
 */

#if TASK == TASK_PATH_FOLLOW
/* PathFollow: params [N0, legalLo, legalHi]: a 64-bit set of legal ids, id = row * ROWS + col. */
typedef struct { int done; int initialMarkers, prev; ulong legal; } Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->initialMarkers = params[0];
    rw->legal = (ulong) (uint) params[1] | ((ulong) (uint) params[2] << 32);
    rw->prev = rw->initialMarkers;
    rw->done = 0;
}

double pathFollowReward(Reward* rw, World* w) {
    int n = markerTotal(w);
    double r = (double) (rw->prev - n) / (double) rw->initialMarkers;
    if (n > rw->prev) {
        rw->done = 1;
        r = -1;
    } else if (n == 0) {
        rw->done = 1;
    }
    int heroId = w->row * ROWS + w->col;
    if (heroId < 0 || heroId >= 64 || ((rw->legal >> heroId) & 1UL) == 0) {
        rw->done = 1;
        r = -1;
    }
    rw->prev = n;
    return r;
}
#define rewardStep(rw, w, keyPow) pathFollowReward(rw, w)
#endif
