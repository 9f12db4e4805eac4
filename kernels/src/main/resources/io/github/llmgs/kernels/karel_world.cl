/*
 * karel_world.cl -- the world an episode acts on: io.github.llmgs.engine.World (hero, walls, markers,
 * calls and crash, the reward inputs kept incrementally, the WHILE state key). Included by karel.cl
 * after engine.h and CELLS / WALL_WORDS.
 */

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
    recountMarkers(w, keyPow);
}

/* ---- calls and crash ---- */

/* World.countCall: every executed action and every perception costs one call. */
static inline void countCall(World* w) {
    w->numCalls++;
    if (w->numCalls > MAX_CALLS) {
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
 * every cell's marker count, row-major, no separators), without building the string. Named apart
 * from the VM's stateKey (KarelVmWorld.stateKey, karel.cl), as C has no overloading.
 */
ulong worldStateKey(const World* w, __global const ulong* keyPow) {
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
