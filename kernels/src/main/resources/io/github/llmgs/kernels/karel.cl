/*
 * karel.cl -- the Karel bytecode interpreter, one work-item per (program, instance) episode.
 *
 * This is io.github.llmgs.engine.vm.BytecodeVm, io.github.llmgs.engine.World,
 * io.github.llmgs.engine.vm.WhileMemory, io.github.llmgs.engine.RandomState and the reward
 * functions of io.github.llmgs.engine.tasks.* ported line by line: the helpers below carry the
 * Java names and argument order (the world or reward state comes first, as `this`). When one
 * side changes, change the other; the conformance vectors and the differential test hold them
 * together.
 *
 * Work layout: global id g covers pair = pairBase + g, program = pair / instances,
 * instance = pair % instances, so a program's instances are adjacent (with 32 instances, one
 * NVIDIA warp runs one program and diverges only on data). Everything an episode needs is
 * private except the WHILE key table and Snake's MT19937 state, which live in global scratch
 * regions indexed by g and are reused by every launch without clearing (stamps).
 *
 * Build options (the host specialises one program per task variant, size and call limit):
 *   -DTASK=<Task.kernelId()> -DSPARSE=<0|1> -DROWS=<rows> -DCOLS=<cols> -DMAX_CALLS=<max_calls>
 *   -DWHILE_CAPACITY=<power of two >= 1.5 * (MAX_CALLS + 1)>
 *
 * Exit status per episode (data, never an exception): STATUS_OK, STATUS_WHILE_REPEAT,
 * STATUS_CALL_LIMIT (more than MAX_CALLS calls), STATUS_BAD_OPCODE (code a verifier would reject);
 * these, the TASK_* ids and KEY_BASE come from engine.h, generated from the engine's Java.
 */
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#include "opcodes.h"
#include "engine.h"

#if !defined(TASK) || !defined(SPARSE) || !defined(ROWS) || !defined(COLS) || !defined(MAX_CALLS) || !defined(WHILE_CAPACITY)
#error "karel.cl needs -DTASK -DSPARSE -DROWS -DCOLS -DMAX_CALLS -DWHILE_CAPACITY"
#endif

#define CELLS (ROWS * COLS)
#define WALL_WORDS ((CELLS + 31) / 32)

/* ------------------------------------------------------------------------------------------ */
/* Direction                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static inline int rowDelta(int dir) { return dir == 0 ? -1 : (dir == 2 ? 1 : 0); }
static inline int colDelta(int dir) { return dir == 1 ? 1 : (dir == 3 ? -1 : 0); }
static inline int left(int dir) { return (dir + 3) & 3; }
static inline int right(int dir) { return (dir + 1) & 3; }

/* ------------------------------------------------------------------------------------------ */
/* World                                                                                       */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    int row;
    int col;
    int dir;
    int numCalls;
    int crashed;
    /* why the world first crashed: STATUS_WHILE_REPEAT or STATUS_CALL_LIMIT (not in the Java World) */
    int crashStatus;
    int markerTotal;
    int cellsOverOne;
    int cellsAtTen;
#if TASK == TASK_WALL_AVOIDER
    /* illegal cells holding a marker, so markerOnIllegalCell does not scan the grid */
    int illegalCellsMarked;
#endif
    /* hash of the marker digits as if every count were one digit; exact while cellsAtTen == 0 */
    ulong markerDigitsHash;
    uint wall[WALL_WORDS];
    uchar markers[CELLS];
} World;

static inline int cell(int r, int c) { return r * COLS + c; }

static inline int heroCell(const World* w) { return w->row * COLS + w->col; }

static inline int isWall(const World* w, int cell) { return (w->wall[cell >> 5] >> (cell & 31)) & 1u; }

static inline void setWall(World* w, int cell, int wall) {
    uint bit = 1u << (cell & 31);
    if (wall) {
        w->wall[cell >> 5] |= bit;
    } else {
        w->wall[cell >> 5] &= ~bit;
    }
}

#if TASK == TASK_WALL_AVOIDER
/* WallAvoider.markerOnIllegalCell's test for one cell: inside the border ring, next to it. */
static inline int illegalCell(int cell) {
    int r = cell / COLS, c = cell % COLS;
    return r >= 1 && r <= ROWS - 2 && c >= 1 && c <= COLS - 2
            && (r == 1 || r == ROWS - 2 || c == 1 || c == COLS - 2);
}
#endif

/* World.recountMarkers */
void recountMarkers(World* w, __global const ulong* keyPow) {
    w->markerTotal = 0;
    w->cellsOverOne = 0;
    w->cellsAtTen = 0;
    w->markerDigitsHash = 0;
#if TASK == TASK_WALL_AVOIDER
    w->illegalCellsMarked = 0;
#endif
    for (int cell = 0; cell < CELLS; cell++) {
        int m = w->markers[cell];
        w->markerTotal += m;
        if (m > 1) w->cellsOverOne++;
        if (m == MAX_MARKERS) w->cellsAtTen++;
        w->markerDigitsHash += (ulong) (m + 1) * keyPow[CELLS - 1 - cell];
#if TASK == TASK_WALL_AVOIDER
        if (m > 0 && illegalCell(cell)) w->illegalCellsMarked++;
#endif
    }
}

/* World.load: the instance's initial world; calls and crash reset. */
void load(World* w, __global const int* hero, __global const uint* walls, __global const uchar* markers,
          __global const ulong* keyPow) {
    for (int i = 0; i < WALL_WORDS; i++) {
        w->wall[i] = walls[i];
    }
    for (int i = 0; i < CELLS; i++) {
        w->markers[i] = markers[i];
    }
    w->row = hero[0];
    w->col = hero[1];
    w->dir = hero[2];
    w->numCalls = 0;
    w->crashed = 0;
    w->crashStatus = STATUS_OK;
    recountMarkers(w, keyPow);
}

/* ---- calls and crash ---- */

/* World.countCall: every executed action and every perception costs one call. */
static inline void countCall(World* w) {
    w->numCalls++;
    if (w->numCalls > MAX_CALLS) {
        if (!w->crashed) w->crashStatus = STATUS_CALL_LIMIT;
        w->crashed = 1;
    }
}

/* ---- perceptions (no call counting here: the interpreter counts) ---- */

static inline int isClear(const World* w, int r, int c) {
    return r >= 0 && r < ROWS && c >= 0 && c < COLS && !isWall(w, r * COLS + c);
}

static inline int frontIsClear(const World* w) {
    return isClear(w, w->row + rowDelta(w->dir), w->col + colDelta(w->dir));
}

static inline int leftIsClear(const World* w) {
    int d = left(w->dir);
    return isClear(w, w->row + rowDelta(d), w->col + colDelta(d));
}

static inline int rightIsClear(const World* w) {
    int d = right(w->dir);
    return isClear(w, w->row + rowDelta(d), w->col + colDelta(d));
}

static inline int markersPresent(const World* w) { return w->markers[heroCell(w)] > 0; }

static inline int noMarkersPresent(const World* w) { return w->markers[heroCell(w)] == 0; }

/* ---- actions ---- */

/* LEAPS move: into a clear cell unless crashed, else turn around. */
static inline void move(World* w) {
    int r = w->row + rowDelta(w->dir);
    int c = w->col + colDelta(w->dir);
    if (!w->crashed && isClear(w, r, c)) {
        w->row = r;
        w->col = c;
    } else {
        w->dir = (w->dir + 2) & 3;
    }
}

static inline void turnLeft(World* w) { w->dir = left(w->dir); }

static inline void turnRight(World* w) { w->dir = right(w->dir); }

/* World.setMarkers: the only place marker counts change; keeps every reward input incremental. */
void setMarkers(World* w, int cell, int now, __global const ulong* keyPow) {
    int before = w->markers[cell];
    w->markers[cell] = (uchar) now;
    w->markerTotal += now - before;
    w->cellsOverOne += (now > 1 ? 1 : 0) - (before > 1 ? 1 : 0);
    w->cellsAtTen += (now == MAX_MARKERS ? 1 : 0) - (before == MAX_MARKERS ? 1 : 0);
    w->markerDigitsHash += (ulong) (long) (now - before) * keyPow[CELLS - 1 - cell];
#if TASK == TASK_WALL_AVOIDER
    if (illegalCell(cell)) {
        w->illegalCellsMarked += (now > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
    }
#endif
}

/* Adds one marker unless the cell already holds the maximum of 10. */
static inline void addMarker(World* w, int cell, __global const ulong* keyPow) {
    int m = w->markers[cell];
    if (m < MAX_MARKERS) {
        setMarkers(w, cell, m + 1, keyPow);
    }
}

/* Removes one marker unless the cell is empty. */
static inline void removeMarker(World* w, int cell, __global const ulong* keyPow) {
    int m = w->markers[cell];
    if (m > 0) {
        setMarkers(w, cell, m - 1, keyPow);
    }
}

static inline void putMarker(World* w, __global const ulong* keyPow) { addMarker(w, heroCell(w), keyPow); }

static inline void pickMarker(World* w, __global const ulong* keyPow) { removeMarker(w, heroCell(w), keyPow); }

static inline int markerTotal(const World* w) { return w->markerTotal; }

static inline int anyCellOverOne(const World* w) { return w->cellsOverOne > 0; }

/* ---- WHILE state key ---- */

/* Streams the decimal digits of a non-negative value; digit d hashes as d + 1. */
static inline ulong appendDigits(ulong h, int value) {
    if (value >= 10) {
        h = h * KEY_BASE + (ulong) (value / 10 + 1);
    }
    return h * KEY_BASE + (ulong) (value % 10 + 1);
}

/*
 * World.stateKey: a 64-bit polynomial hash of the reference's digit string (row, col, dir, then
 * every cell's marker count, row-major, no separators), without building the string.
 */
ulong stateKey(const World* w, __global const ulong* keyPow) {
    ulong heroHash = 0;
    heroHash = appendDigits(heroHash, w->row);
    heroHash = appendDigits(heroHash, w->col);
    heroHash = heroHash * KEY_BASE + (ulong) (w->dir + 1);
    if (w->cellsAtTen == 0) {
        return heroHash * keyPow[CELLS] + w->markerDigitsHash;
    }
    ulong h = heroHash;
    for (int cell = 0; cell < CELLS; cell++) {
        h = appendDigits(h, w->markers[cell]);
    }
    return h;
}

/* ------------------------------------------------------------------------------------------ */
/* WhileMemory: an open-addressing table of (loop id, key) digests in this work-item's global  */
/* region; a slot is live when its stamp equals this launch's stamp, so nothing is cleared.    */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    __global ulong* keys;
    __global uint* stamps;
    uint stamp;
} WhileMemory;

/* Mixes the loop id into the key (splitmix64 finaliser, a bijection on the key). */
static inline ulong whileDigest(int whileId, ulong stateKey) {
    ulong z = stateKey ^ ((ulong) (long) whileId * 0xD6E8FEB86659FD93UL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    return z ^ (z >> 31);
}

/* WhileMemory.record: records the key for that loop; false if the loop had already recorded it. */
int record(WhileMemory* m, int whileId, ulong stateKey) {
    ulong digest = whileDigest(whileId, stateKey);
    uint slot = (uint) (digest ^ (digest >> 32)) & (WHILE_CAPACITY - 1);
    while (m->stamps[slot] == m->stamp) {
        if (m->keys[slot] == digest) {
            return 0;
        }
        slot = (slot + 1) & (WHILE_CAPACITY - 1);
    }
    m->stamps[slot] = m->stamp;
    m->keys[slot] = digest;
    return 1;
}

/* ------------------------------------------------------------------------------------------ */
/* RandomState (numpy's legacy MT19937), for Snake's food draws. The 624-word state lives in   */
/* global scratch, word i of work-item g at mt[i * stride + g] so a warp's accesses coalesce.  */
/* ------------------------------------------------------------------------------------------ */

#if TASK == TASK_SNAKE
#define MT_N 624
#define MT_M 397

typedef struct {
    __global uint* mt;
    uint stride;
    int index;
} RandomState;

/* RandomState.reseed: restarts the stream as RandomState(seed) would. */
void reseed(RandomState* rs, uint seed) {
    uint prev = seed;
    rs->mt[0] = prev;
    for (uint i = 1; i < MT_N; i++) {
        prev = 1812433253u * (prev ^ (prev >> 30)) + i;
        rs->mt[i * rs->stride] = prev;
    }
    rs->index = MT_N;
}

void twist(RandomState* rs) {
    __global uint* mt = rs->mt;
    uint stride = rs->stride;
    for (int i = 0; i < MT_N; i++) {
        uint y = (mt[i * stride] & 0x80000000u) | (mt[((i + 1) % MT_N) * stride] & 0x7fffffffu);
        uint next = mt[((i + MT_M) % MT_N) * stride] ^ (y >> 1);
        if ((y & 1u) != 0) {
            next ^= 0x9908b0dfu;
        }
        mt[i * stride] = next;
    }
    rs->index = 0;
}

/* RandomState.nextUint32: one raw 32-bit MT19937 output. */
uint nextUint32(RandomState* rs) {
    if (rs->index >= MT_N) {
        twist(rs);
    }
    uint y = rs->mt[rs->index * rs->stride];
    rs->index++;
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* RandomState.interval: a uniform value in 0..max by masked rejection; a zero range draws nothing. */
uint interval(RandomState* rs, uint max) {
    if (max == 0) {
        return 0;
    }
    uint mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    uint value;
    do {
        value = nextUint32(rs) & mask;
    } while (value > max);
    return value;
}

/* RandomState.randint(low, high), high exclusive. */
static inline int randint(RandomState* rs, int low, int high) {
    return low + (int) interval(rs, (uint) (high - 1 - low));
}
#endif

/* ------------------------------------------------------------------------------------------ */
/* Rewards: one per task, each the logic of its Java class. rewardReset / rewardStep pick the  */
/* one for TASK. Params are the instance's TaskInstance.params(), layout as in each class.     */
/* ------------------------------------------------------------------------------------------ */

static inline int manhattan(int r1, int c1, int r2, int c2) { return abs(r1 - r2) + abs(c1 - c2); }

#if TASK == TASK_STAIR_CLIMBER
/* StairClimber: params [markerRow, markerCol, d0]. */
typedef struct { int done; int markerRow, markerCol, d0, prev; } Reward;

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
    double r = (double) (rw->prev - d) / (double) rw->d0;
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

#elif TASK == TASK_MAZE
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

#elif TASK == TASK_FOUR_CORNERS
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

#elif TASK == TASK_TOP_OFF
/* TopOff: params [k, goal cell ids...] in the generator's order. */
typedef struct { int done; int prevCorrect; __global const int* params; } Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->params = params;
    rw->prevCorrect = 0;
    rw->done = 0;
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
    double r = (double) (correct - rw->prevCorrect) / (double) k;
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

#elif TASK == TASK_HARVESTER || TASK == TASK_CLEAN_HOUSE
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

#elif TASK == TASK_DOOR_KEY
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

#elif TASK == TASK_ONE_STROKE
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

#elif TASK == TASK_SEEDER || TASK == TASK_WALL_AVOIDER
/* Seeder and WallAvoider, as Java's OneMarkerPerCell: params [M], one marker on each of M cells;
   WallAvoider also forbids markers next to the border ring. */
typedef struct { int done; int target, prev; } Reward;

#if TASK == TASK_WALL_AVOIDER
/* WallAvoider.markerOnIllegalCell, kept incrementally by setMarkers instead of scanning. */
static inline int markerOnIllegalCell(const World* w) { return w->illegalCellsMarked > 0; }
#endif

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->target = params[0];
    rw->prev = 0;
    rw->done = 0;
}

double oneMarkerPerCellReward(Reward* rw, World* w) {
    int n = markerTotal(w);
    double r = (double) (n - rw->prev) / (double) rw->target;
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

#elif TASK == TASK_SNAKE
/* Snake: params [seed, foodCell]; food is redrawn from a fresh RandomState(seed) per episode. */
#define FINAL_SIZE 22

typedef struct {
    int done;
    /* body cells, oldest first; at most FINAL_SIZE + 1 live between append and trim */
    int body[FINAL_SIZE + 2];
    int bodyLength;
    int size;
    int food;
    uint seed;
    /* the episode's generator; reseeded lazily on the first draw (the same stream as the
       Java reset's reseed, without paying 624 writes in episodes that never eat) */
    int seeded;
    RandomState foodRng;
} Reward;

static inline void rewardReset(Reward* rw, World* w, __global const int* params) {
    rw->seed = (uint) params[0];
    rw->seeded = 0;
    rw->food = params[1];
    rw->size = 2;
    rw->body[0] = heroCell(w);
    rw->bodyLength = 1;
    rw->done = 0;
}

int indexInBody(const Reward* rw, int cell) {
    for (int i = 0; i < rw->bodyLength; i++) {
        if (rw->body[i] == cell) return i;
    }
    return rw->bodyLength;
}

int drawFood(Reward* rw, const World* w, int hero) {
    if (!rw->seeded) {
        reseed(&rw->foodRng, rw->seed);
        rw->seeded = 1;
    }
    while (1) {
        int ym = randint(&rw->foodRng, 1, ROWS - 1);
        int xm = randint(&rw->foodRng, 1, COLS - 1);
        int c = cell(ym, xm);
        if (!isWall(w, c) && c != hero && indexInBody(rw, c) == rw->bodyLength) {
            return c;
        }
    }
}

double snakeReward(Reward* rw, World* w, __global const ulong* keyPow) {
    int hero = heroCell(w);
    double r = 0;
    if (hero == rw->food) {
        rw->size++;
        removeMarker(w, rw->food, keyPow);
        r = 1.0 / 20;
        if (rw->size == FINAL_SIZE) {
            rw->done = 1;
            return r;
        }
        rw->food = drawFood(rw, w, hero);
        addMarker(w, rw->food, keyPow);
    }
    int last = rw->body[rw->bodyLength - 1];
    if (indexInBody(rw, hero) < rw->bodyLength - 1) {
        rw->done = 1;
        return -1;
    }
    if (hero != last) {
        addMarker(w, last, keyPow);
        rw->body[rw->bodyLength++] = hero;
        if (rw->bodyLength > rw->size) {
            removeMarker(w, rw->body[0], keyPow);
            for (int i = 0; i < rw->bodyLength - 1; i++) {
                rw->body[i] = rw->body[i + 1];
            }
            rw->bodyLength--;
        }
    }
    return r;
}
#define rewardStep(rw, w, keyPow) snakeReward(rw, w, keyPow)

#elif TASK == TASK_PATH_FOLLOW
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

#else
#error "unknown TASK"
#endif

/* ------------------------------------------------------------------------------------------ */
/* BytecodeVm                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/* ACT's operand, in its instruction word above OPCODE_BITS, is a Karel action id. */
static inline void doAction(World* w, int action, __global const ulong* keyPow) {
    switch (action) {
        case KAREL_ACTION_MOVE: move(w); break;
        case KAREL_ACTION_TURN_LEFT: turnLeft(w); break;
        case KAREL_ACTION_TURN_RIGHT: turnRight(w); break;
        case KAREL_ACTION_PUT_MARKER: putMarker(w, keyPow); break;
        default: pickMarker(w, keyPow); break;
    }
}

/* A Karel condition is a perception id: no perception takes an argument. */
static inline int perceive(const World* w, int perception) {
    switch (perception) {
        case KAREL_FEATURE_FRONT_IS_CLEAR: return frontIsClear(w);
        case KAREL_FEATURE_LEFT_IS_CLEAR: return leftIsClear(w);
        case KAREL_FEATURE_RIGHT_IS_CLEAR: return rightIsClear(w);
        case KAREL_FEATURE_MARKERS_PRESENT: return markersPresent(w);
        default: return noMarkersPresent(w);
    }
}

static inline int perceiveAndCount(World* w, int perception) {
    countCall(w);
    return perceive(w, perception);
}

__kernel void karel(
        __global const int* restrict code,          /* every program's code, concatenated */
        __global const int* restrict codeOffsets,   /* programs + 1 offsets into code */
        const int instances,                        /* I: instances per program */
        const int pairBase,                         /* first (program * I + instance) of this launch */
        const int pairCount,                        /* episodes in this launch */
        __global const int* restrict instHero,      /* I x 3: row, col, dir */
        __global const uint* restrict instWalls,    /* I x WALL_WORDS wall bits, cell i = bit i */
        __global const uchar* restrict instMarkers, /* I x CELLS marker counts */
        __global const int* restrict instParams,    /* I x paramStride: TaskInstance.params() */
        const int paramStride,
        __global const ulong* restrict keyPow,      /* KEY_BASE^k for k = 0..CELLS */
        __global ulong* restrict whileKeys,         /* per work-item WHILE_CAPACITY digests */
        __global uint* restrict whileStamps,        /* per work-item WHILE_CAPACITY stamps */
        const uint stamp,                           /* this launch's stamp, never 0 */
        __global uint* restrict rngState,           /* Snake: 624 x global size MT words */
        __global double* restrict outReturn,
        __global int* restrict outSteps,
        __global int* restrict outCalls,
        __global int* restrict outCrashed,
        __global int* restrict outStatus) {
    const int g = (int) get_global_id(0);
    if (g >= pairCount) {
        return;
    }
    const int pair = pairBase + g;
    const int program = pair / instances;
    const int instance = pair - program * instances;

    __global const int* prog = code + codeOffsets[program];
    const int length = codeOffsets[program + 1] - codeOffsets[program];

    World world;
    World* w = &world;
    load(w, instHero + 3 * instance, instWalls + (size_t) instance * WALL_WORDS,
            instMarkers + (size_t) instance * CELLS, keyPow);

    Reward reward;
    rewardReset(&reward, w, instParams + (size_t) instance * paramStride);
#if TASK == TASK_SNAKE
    reward.foodRng.mt = rngState + g;
    reward.foodRng.stride = (uint) get_global_size(0);
    reward.foodRng.index = MT_N;
#endif

    WhileMemory whileMemory;
    whileMemory.keys = whileKeys + (size_t) g * WHILE_CAPACITY;
    whileMemory.stamps = whileStamps + (size_t) g * WHILE_CAPACITY;
    whileMemory.stamp = stamp;

    int stack[MAX_REPEAT_DEPTH];
    int sp = 0;
    int pc = 0;
    double total = 0;
    int actions = 0;
    int status = STATUS_OK;

    while (1) {
        if (pc < 0 || pc >= length) {
            status = STATUS_BAD_OPCODE;
            break;
        }
        const int op = prog[pc] & OPCODE_MASK;
        if (prog[pc] == OP_HALT) {
            break;
        }
        if (pc + operands(op) >= length) {
            /* a truncated instruction: its operands would be read past this program's code */
            status = STATUS_BAD_OPCODE;
            break;
        }
        switch (op) {
            case OP_ACT:
                if (!w->crashed) {
                    countCall(w);
                    doAction(w, (int) ((uint) prog[pc] >> OPCODE_BITS), keyPow);
                    actions++;
                    double r = rewardStep(&reward, w, keyPow);
                    total += r;
                    if (reward.done || w->crashed) {
                        goto done;
                    }
                }
                pc += 1;
                break;
            case OP_JUMP:
                pc = prog[pc + 1];
                break;
            case OP_JUMP_IF_NOT:
                pc = perceiveAndCount(w, prog[pc + 1]) ? pc + 3 : prog[pc + 2];
                break;
            case OP_JUMP_IF:
                pc = perceiveAndCount(w, prog[pc + 1]) ? prog[pc + 2] : pc + 3;
                break;
            case OP_WHILE_CHECK:
                if (w->crashed) {
                    pc = prog[pc + 2];
                } else if (!record(&whileMemory, prog[pc + 1], stateKey(w, keyPow))) {
                    w->crashStatus = STATUS_WHILE_REPEAT;
                    w->crashed = 1;
                    pc = prog[pc + 2];
                } else {
                    pc += 3;
                }
                break;
            case OP_REPEAT_PUSH:
                if (sp >= MAX_REPEAT_DEPTH) {
                    status = STATUS_BAD_OPCODE;
                    goto done;
                }
                stack[sp++] = prog[pc + 1];
                pc += 2;
                break;
            case OP_REPEAT_NEXT:
                if (sp < 1) {
                    status = STATUS_BAD_OPCODE;
                    goto done;
                }
                if (stack[sp - 1] == 0) {
                    sp--;
                    pc = prog[pc + 1];
                } else {
                    stack[sp - 1]--;
                    pc += 2;
                }
                break;
            default:
                status = STATUS_BAD_OPCODE;
                goto done;
        }
    }
done:
    if (status == STATUS_OK && w->crashed) {
        status = w->crashStatus;
    }
    outReturn[g] = total;
    outSteps[g] = actions;
    outCalls[g] = w->numCalls;
    outCrashed[g] = w->crashed;
    outStatus[g] = status;
}
