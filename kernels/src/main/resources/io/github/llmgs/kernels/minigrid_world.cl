/*
 * minigrid_world.cl -- the world an episode acts on: io.github.llmgs.engine.minigrid.MiniGridWorld
 * (the grid as three per-cell arrays indexed y * WIDTH + x, the agent, what it carries, the step
 * count, the last step's outcome, the task fields a step reads), with its base step and its
 * perceptions. Included by minigrid.cl after minigrid.h and CELLS; the task's step override is
 * its minigrid_reward_<task>.cl. Generation stays on the host: an episode starts from the
 * instance's world after reset(seed), as MiniGridWorld.copyFrom.
 */

/* ------------------------------------------------------------------------------------------ */
/* Directions: 0 east, 1 south, 2 west, 3 north (y grows south), MiniGridWorld.DX / DY         */
/* ------------------------------------------------------------------------------------------ */

static inline int dx(int dir) { return dir == 0 ? 1 : (dir == 2 ? -1 : 0); }
static inline int dy(int dir) { return dir == 1 ? 1 : (dir == 3 ? -1 : 0); }

/* ------------------------------------------------------------------------------------------ */
/* ObjectType                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/* ObjectType.canOverlap: the agent may stand on it (goal, lava, floor, an open door, nothing). */
static inline int canOverlap(int type, int state) {
    return type == TYPE_EMPTY || type == TYPE_GOAL || type == TYPE_LAVA || type == TYPE_FLOOR
            || (type == TYPE_DOOR && state == DOOR_OPEN);
}

static inline int canPickup(int type) { return type == TYPE_KEY || type == TYPE_BALL || type == TYPE_BOX; }

/* ------------------------------------------------------------------------------------------ */
/* MiniGridWorld                                                                               */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    uchar type[CELLS];
    uchar color[CELLS];
    uchar state[CELLS];
    int agentX;
    int agentY;
    int agentDir;
    /* LavaGap's start position is a numpy array until a forward move stores a tuple (section 8) */
    int agentPosIsArray;
    int carryType;
    int carryColor;
    int stepCount;
    /* the last step's reward and terminated flag, after the task's override */
    double reward;
    int terminated;
    /* RedBlueDoor: where the two doors are */
    int redDoorX, redDoorY, blueDoorX, blueDoorY;
    /* PutNear: the object to move and the box's generation position */
    int moveType, moveColor, targetX, targetY;
    /* RedBlueDoor's "red reward given", PutNear's "pickup reward given" */
    int rewardGiven;
} MiniGridWorld;

/* MiniGridWorld.copyFrom: the instance's start (its cells: types, colours, states; its START_* ints). */
void load(MiniGridWorld* w, __global const uchar* cells, __global const int* start) {
    for (int c = 0; c < CELLS; c++) {
        w->type[c] = cells[c];
        w->color[c] = cells[CELLS + c];
        w->state[c] = cells[2 * CELLS + c];
    }
    w->agentX = start[START_AGENT_X];
    w->agentY = start[START_AGENT_Y];
    w->agentDir = start[START_AGENT_DIR];
    w->agentPosIsArray = start[START_AGENT_POS_IS_ARRAY];
    w->carryType = start[START_CARRY_TYPE];
    w->carryColor = start[START_CARRY_COLOR];
    w->stepCount = start[START_STEP_COUNT];
    w->reward = 0.0;
    w->terminated = 0;
    w->redDoorX = start[START_RED_DOOR_X];
    w->redDoorY = start[START_RED_DOOR_Y];
    w->blueDoorX = start[START_BLUE_DOOR_X];
    w->blueDoorY = start[START_BLUE_DOOR_Y];
    w->moveType = start[START_MOVE_TYPE];
    w->moveColor = start[START_MOVE_COLOR];
    w->targetX = start[START_TARGET_X];
    w->targetY = start[START_TARGET_Y];
    w->rewardGiven = start[START_REWARD_GIVEN];
}

#if TRACE
/* The inverse of load: the world an episode ended in, for MiniGridEpisodes.trace. */
void store(const MiniGridWorld* w, __global uchar* cells, __global int* start) {
    for (int c = 0; c < CELLS; c++) {
        cells[c] = w->type[c];
        cells[CELLS + c] = w->color[c];
        cells[2 * CELLS + c] = w->state[c];
    }
    start[START_AGENT_X] = w->agentX;
    start[START_AGENT_Y] = w->agentY;
    start[START_AGENT_DIR] = w->agentDir;
    start[START_AGENT_POS_IS_ARRAY] = w->agentPosIsArray;
    start[START_CARRY_TYPE] = w->carryType;
    start[START_CARRY_COLOR] = w->carryColor;
    start[START_STEP_COUNT] = w->stepCount;
    start[START_RED_DOOR_X] = w->redDoorX;
    start[START_RED_DOOR_Y] = w->redDoorY;
    start[START_BLUE_DOOR_X] = w->blueDoorX;
    start[START_BLUE_DOOR_Y] = w->blueDoorY;
    start[START_MOVE_TYPE] = w->moveType;
    start[START_MOVE_COLOR] = w->moveColor;
    start[START_TARGET_X] = w->targetX;
    start[START_TARGET_Y] = w->targetY;
    start[START_REWARD_GIVEN] = w->rewardGiven;
}
#endif

/* ---- cells ---- */

static inline int cell(int x, int y) { return y * WIDTH + x; }

static inline void put(MiniGridWorld* w, int x, int y, int objType, int objColor, int objState) {
    int c = cell(x, y);
    w->type[c] = (uchar) objType;
    w->color[c] = (uchar) objColor;
    w->state[c] = (uchar) objState;
}

/* An empty cell encodes as (1, 0, 0). */
static inline void clear(MiniGridWorld* w, int x, int y) { put(w, x, y, TYPE_EMPTY, 0, 0); }

static inline int isDoorOpen(const MiniGridWorld* w, int x, int y) {
    int c = cell(x, y);
    return w->type[c] == TYPE_DOOR && w->state[c] == DOOR_OPEN;
}

static inline int frontX(const MiniGridWorld* w) { return w->agentX + dx(w->agentDir); }

static inline int frontY(const MiniGridWorld* w) { return w->agentY + dy(w->agentDir); }

/* ---- perceptions (section 7; the VM world counts the calls) ---- */

/* Nothing in front, or something the agent may stand on: lava, goal and open doors are clear. */
static inline int frontIsClear(const MiniGridWorld* w) {
    int c = cell(frontX(w), frontY(w));
    return canOverlap(w->type[c], w->state[c]);
}

/* An object in front whose type is objType (-1 never matches). */
static inline int frontObjectType(const MiniGridWorld* w, int objType) {
    int t = w->type[cell(frontX(w), frontY(w))];
    return t != TYPE_EMPTY && t == objType;
}

/* An object in front whose colour is objColor: walls are grey, lava red, the goal green. */
static inline int frontObjectColor(const MiniGridWorld* w, int objColor) {
    int c = cell(frontX(w), frontY(w));
    return w->type[c] != TYPE_EMPTY && w->color[c] == objColor;
}

static inline int isCarryingObject(const MiniGridWorld* w) { return w->carryType != TYPE_NONE; }

static inline int sense(const MiniGridWorld* w, int feature, int argument) {
    switch (feature) {
        case MINIGRID_FEATURE_FRONT_IS_CLEAR: return frontIsClear(w);
        case MINIGRID_FEATURE_FRONT_OBJECT_TYPE: return frontObjectType(w, argument);
        case MINIGRID_FEATURE_FRONT_OBJECT_COLOR: return frontObjectColor(w, argument);
        default: return isCarryingObject(w);
    }
}

/* ---- base step (sections 5 and 6) ---- */

/* _reward(): evaluated as written, division first. */
static inline double goalReward(const MiniGridWorld* w) {
    return 1.0 - 0.9 * ((double) w->stepCount / (double) MAX_STEPS);
}

static inline void forward(MiniGridWorld* w, int fx, int fy, int f) {
    if (canOverlap(w->type[f], w->state[f])) {
        w->agentX = fx;
        w->agentY = fy;
        w->agentPosIsArray = 0;
    }
    if (w->type[f] == TYPE_GOAL) {
        w->terminated = 1;
        w->reward = goalReward(w);
    } else if (w->type[f] == TYPE_LAVA) {
        w->terminated = 1;
    }
}

static inline void pickup(MiniGridWorld* w, int fx, int fy, int f) {
    if (canPickup(w->type[f]) && w->carryType == TYPE_NONE) {
        w->carryType = w->type[f];
        w->carryColor = w->color[f];
        clear(w, fx, fy);
    }
}

static inline void drop(MiniGridWorld* w, int fx, int fy, int f) {
    if (w->type[f] == TYPE_EMPTY && w->carryType != TYPE_NONE) {
        put(w, fx, fy, w->carryType, w->carryColor, 0);
        w->carryType = TYPE_NONE;
        w->carryColor = 0;
    }
}

static inline void toggleDoor(MiniGridWorld* w, int f) {
    if (w->state[f] == DOOR_LOCKED) {
        if (w->carryType == TYPE_KEY && w->carryColor == w->color[f]) {
            w->state[f] = DOOR_OPEN;
        }
    } else {
        w->state[f] = w->state[f] == DOOR_OPEN ? DOOR_CLOSED : DOOR_OPEN;
    }
}

static inline void toggle(MiniGridWorld* w, int fx, int fy, int f) {
    switch (w->type[f]) {
        case TYPE_DOOR: toggleDoor(w, f); break;
        /* a box is replaced by its content, which is always nothing here */
        case TYPE_BOX: clear(w, fx, fy); break;
        default: break;
    }
}

/*
 * minigrid's base step: the step count first (the goal reward sees the new count), then the
 * action; truncation is not modelled because the wrapper ignores it.
 */
static inline void baseStep(MiniGridWorld* w, int action) {
    w->stepCount++;
    w->reward = 0.0;
    w->terminated = 0;
    int fx = frontX(w);
    int fy = frontY(w);
    int f = cell(fx, fy);
    switch (action) {
        case MINIGRID_ACTION_LEFT: w->agentDir = (w->agentDir + 3) & 3; break;
        case MINIGRID_ACTION_RIGHT: w->agentDir = (w->agentDir + 1) & 3; break;
        case MINIGRID_ACTION_FORWARD: forward(w, fx, fy, f); break;
        case MINIGRID_ACTION_PICKUP: pickup(w, fx, fy, f); break;
        case MINIGRID_ACTION_DROP: drop(w, fx, fy, f); break;
        default: toggle(w, fx, fy, f); break;
    }
}
