/* karel_reward_maze.cl -- the reward of io.github.llmgs.engine.tasks.Maze, included by karel.cl. */

#if TASK == TASK_MAZE
/* Maze: params [markerRow, markerCol, d0]. */
typedef struct { int done; int markerRow, markerCol, d0, prev; } Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->markerRow = params[0];
    rw->markerCol = params[1];
    rw->d0 = params[2];
    rw->prev = rw->d0;
    rw->done = 0;
}

double mazeReward(Reward* rw, World* w) {
    int onMarker = w->row == rw->markerRow && w->col == rw->markerCol;
#if SPARSE
    rw->done = onMarker;
    return onMarker ? 1 : 0;
#else
    int d = manhattan(w->row, w->col, rw->markerRow, rw->markerCol);
    double r = (double) (rw->prev - d) / (double) rw->d0;
    rw->done = onMarker;
    rw->prev = d;
    return r;
#endif
}
#define rewardStep(rw, w, keyPow) mazeReward(rw, w)
#endif
