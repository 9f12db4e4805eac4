/*
 * karel_reward_top_off.cl -- the reward of io.github.llmgs.engine.tasks.TopOff,
 * included by karel.cl.
 */

#if TASK == TASK_TOP_OFF
/* TopOff: params [k, goal cell ids...] in the generator's order. */
typedef struct { int done; int prevCorrect; __global const int* params; UnitSteps steps; } Reward;

/* Goal cells holding exactly two markers. */
static inline int topOffCorrect(const World* w, __global const int* params) {
    int correct = 0;
    for (int i = 1; i <= params[0]; i++) correct += w->markers[params[i]] == 2;
    return correct;
}

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->params = params;
    rw->prevCorrect = 0;
    rw->done = 0;
#if !SPARSE
    unitStepsReset(&rw->steps, topOffCorrect(w, params), 0, params[0]);
#endif
}

double topOffReward(Reward* rw, World* w) {
    int k = rw->params[0];
    int correct = 0;
    for (int i = 1; i <= k; i++) {
        int m = w->markers[rw->params[i]];
        if (m == 2) {
            correct++;
        } else if (m == 0) {
            rw->done = 1;
            return -1;
        }
    }
    int n = markerTotal(w);
#if SPARSE
    double r = 0;
    if (n > correct + k) { rw->done = 1; r = -1; }
    if (correct == k) { rw->done = 1; r = 1; }
    return r;
#else
    double r = unitStep(&rw->steps, correct, rw->prevCorrect);
    if (n > correct + k) {
        rw->done = 1;
        r = -1;
    } else if (correct == k) {
        rw->done = 1;
    }
    rw->prevCorrect = correct;
    return r;
#endif
}
#define rewardStep(rw, w, keyPow) topOffReward(rw, w)
#endif
