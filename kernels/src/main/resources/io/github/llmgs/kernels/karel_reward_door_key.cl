/*
 * karel_reward_door_key.cl -- the reward of io.github.llmgs.engine.tasks.DoorKey,
 * included by karel.cl.
 */

#if TASK == TASK_DOOR_KEY
/* DoorKey: params [keyCell, goalCell, doorCell1, doorCell2]. */
typedef struct { int done; int keyCell, goalCell, door1, door2, locked; } Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->keyCell = params[0];
    rw->goalCell = params[1];
    rw->door1 = params[2];
    rw->door2 = params[3];
    rw->locked = 1;
    rw->done = 0;
}

double doorKeyReward(Reward* rw, World* w) {
    int n = markerTotal(w);
    if (rw->locked) {
        if (n > 2) {
            rw->done = 1;
            return -1;
        }
        if (w->markers[rw->keyCell] == 0) {
            rw->locked = 0;
            setWall(w, rw->door1, 0);
            setWall(w, rw->door2, 0);
            return 0.5;
        }
        return 0;
    }
    if (n > 1) {
        rw->done = 1;
        return w->markers[rw->goalCell] == 2 ? 0.5 : -1;
    }
    if (n == 0) {
        rw->done = 1;
        return -1;
    }
    return 0;
}
#define rewardStep(rw, w, keyPow) doorKeyReward(rw, w)
#endif
