/*
 * karel_reward_one_marker_per_cell.cl -- the reward of io.github.llmgs.engine.tasks.OneMarkerPerCell
 * (Seeder and WallAvoider), included by karel.cl.
 */

#if TASK == TASK_SEEDER || TASK == TASK_WALL_AVOIDER
/* Seeder and WallAvoider, as Java's OneMarkerPerCell: params [M], one marker on each of M cells;
   WallAvoider also forbids markers next to the border ring. */
typedef struct { int done; int target, prev; UnitSteps steps; } Reward;

#if TASK == TASK_WALL_AVOIDER
/* WallAvoider.markerOnIllegalCell, kept incrementally by setMarkers instead of scanning. */
static inline int markerOnIllegalCell(const World* w) { return w->illegalCellsMarked > 0; }
#endif

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->target = params[0];
    rw->prev = 0;
    rw->done = 0;
    unitStepsReset(&rw->steps, markerTotal(w), 0, rw->target);
}

double oneMarkerPerCellReward(Reward* rw, World* w) {
    int n = markerTotal(w);
    double r = unitStep(&rw->steps, n, rw->prev);
#if TASK == TASK_WALL_AVOIDER
    if (markerOnIllegalCell(w)) {
        rw->done = 1;
        r = -1;
    }
#endif
    if (anyCellOverOne(w) || n < rw->prev) {
        rw->done = 1;
        r = -1;
    } else if (n == rw->target) {
        rw->done = 1;
    }
    rw->prev = n;
    return r;
}
#define rewardStep(rw, w, keyPow) oneMarkerPerCellReward(rw, w)
#endif
