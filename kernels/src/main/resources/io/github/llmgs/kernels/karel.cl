/*
 * karel.cl -- the Karel bytecode interpreter, one work-item per (program, instance) episode: the
 * entry kernel and Karel's VmWorld, the world helpers the shared dispatch loop (vm.cl) calls. The
 * world it acts on is karel_world.cl; each task's reward is its own karel_reward_<task>.cl,
 * compiled in by -DTASK (a sparse variant shares its task's file).
 *
 * This is io.github.llmgs.engine.vm.KarelVmWorld, io.github.llmgs.engine.World,
 * io.github.llmgs.engine.RandomState and the reward functions of io.github.llmgs.engine.tasks.*
 * ported line by line: the helpers in these files carry the Java names and argument order (the
 * world or reward state comes first, as `this`). When one side changes, change the other; the
 * conformance vectors and the differential test hold them together.
 *
 * Work layout: global id g covers pair = pairBase + g, program = pair / instances,
 * instance = pair % instances, so a program's instances are adjacent (with 32 instances, one
 * NVIDIA warp runs one program and diverges only on data). Everything an episode needs is
 * private except Snake's MT19937 state, a global region indexed by g, and the large WHILE table
 * an episode that records many states takes from the launch's pool (vm.cl).
 *
 * Build options (the host specialises one program per task variant, size and call limit):
 *   -DTASK=<Task.kernelId()> -DSPARSE=<0|1> -DROWS=<rows> -DCOLS=<cols> -DMAX_CALLS=<max_calls>
 *   -DWHILE_CAPACITY=<power of two >= 1.5 * (MAX_CALLS + 1)>: the slots of a large WHILE table
 *
 * Exit status per episode (data, never an exception): STATUS_OK, STATUS_WHILE_REPEAT,
 * STATUS_CALL_LIMIT (more than MAX_CALLS calls), STATUS_BAD_OPCODE (code a verifier would reject),
 * and STATUS_RETRY (no large WHILE table was left: the host reruns the pair); these, the TASK_*
 * ids, KEY_BASE and the WHILE_SMALL_* sizes come from engine.h, generated from the Java.
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

#include "karel_world.cl"

/* ------------------------------------------------------------------------------------------ */
/* Rewards: one per task, each the logic of its Java class. rewardReset / rewardStep pick the  */
/* one for TASK. Params are the instance's TaskInstance.params(), layout as in each class.     */
/* ------------------------------------------------------------------------------------------ */

static inline int manhattan(int r1, int c1, int r2, int c2) { return abs(r1 - r2) + abs(c1 - c2); }

/*
 * UnitSteps: a dense reward (value - prev) / divisor, as the Java class divides it, without a
 * division in the step. One action moves the hero one cell or a cell's markers by one, so from
 * the second step on value - prev is -1, 0 or 1, and the quotient is exactly -unit, 0 or unit
 * (IEEE division is sign-symmetric). The first step starts from the prev the reward was reset
 * to, which need not be the start world's value, so its three possible quotients are divided
 * at reset. On NVPTX a double division in the step cost these tasks 2-8 registers more than
 * any other build needs (StairClimber 40, WallAvoider 36, TopOff and Seeder 34).
 */
typedef struct {
    int first;           /* no step taken yet */
    int start;           /* the value in the start world */
    double firstStep[3]; /* the first step's reward for value start - 1, start, start + 1 */
    double unit;         /* 1 / divisor */
} UnitSteps;

static inline void unitStepsReset(UnitSteps* s, int start, int prev, int divisor) {
    s->first = 1;
    s->start = start;
    for (int delta = -1; delta <= 1; delta++) {
        s->firstStep[delta + 1] = (double) (start + delta - prev) / (double) divisor;
    }
    s->unit = 1.0 / (double) divisor;
}

/* (double) (value - prev) / divisor, for the value after one more action. */
static inline double unitStep(UnitSteps* s, int value, int prev) {
    double r = s->first ? s->firstStep[value - s->start + 1] : (double) (value - prev) * s->unit;
    s->first = 0;
    return r;
}

#include "karel_reward_stair_climber.cl"
#include "karel_reward_maze.cl"
#include "karel_reward_four_corners.cl"
#include "karel_reward_top_off.cl"
#include "karel_reward_marker_clearing.cl"
#include "karel_reward_door_key.cl"
#include "karel_reward_one_stroke.cl"
#include "karel_reward_one_marker_per_cell.cl"
#include "karel_reward_snake.cl"
#include "karel_reward_path_follow.cl"

#ifndef rewardStep
#error "unknown TASK"
#endif

/* ------------------------------------------------------------------------------------------ */
/* KarelVmWorld: an action is one call, the move, then the task's reward; the episode ends      */
/* when the reward says so or the world crashed.                                                */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    World world;
    Reward reward;
    __global const ulong* keyPow;
    double total;
    int steps;
} VmWorld;

/* KarelVmWorld.doAction: ACT's operand, in its instruction word above OPCODE_BITS, is a Karel action id. */
static inline void doAction(World* w, int action, __global const ulong* keyPow) {
    switch (action) {
        case KAREL_ACTION_MOVE: move(w); break;
        case KAREL_ACTION_TURN_LEFT: turnLeft(w); break;
        case KAREL_ACTION_TURN_RIGHT: turnRight(w); break;
        case KAREL_ACTION_PUT_MARKER: putMarker(w, keyPow); break;
        default: pickMarker(w, keyPow); break;
    }
}

/* KarelVmWorld.perceive: a Karel condition is a perception id; no perception takes an argument. */
static inline int perceive(const World* w, int perception) {
    switch (perception) {
        case KAREL_FEATURE_FRONT_IS_CLEAR: return frontIsClear(w);
        case KAREL_FEATURE_LEFT_IS_CLEAR: return leftIsClear(w);
        case KAREL_FEATURE_RIGHT_IS_CLEAR: return rightIsClear(w);
        case KAREL_FEATURE_MARKERS_PRESENT: return markersPresent(w);
        default: return noMarkersPresent(w);
    }
}

static inline int crashed(const VmWorld* v) { return v->world.crashed; }

static inline int act(VmWorld* v, int action) {
    World* w = &v->world;
    countCall(w);
    doAction(w, action, v->keyPow);
    v->steps++;
    v->total += rewardStep(&v->reward, w, v->keyPow);
    return v->reward.done || w->crashed;
}

static inline int perceiveAndCount(VmWorld* v, int perception) {
    countCall(&v->world);
    return perceive(&v->world, perception);
}

static inline ulong stateKey(const VmWorld* v) { return worldStateKey(&v->world, v->keyPow); }

static inline void crash(VmWorld* v) { v->world.crashed = 1; }

/* A Karel world crashes only at the call limit or at a repeated WHILE state (which the loop tells apart). */
static inline int callLimitReached(const VmWorld* v) { return v->world.crashed; }

#include "vm.cl"

__kernel void karel(
        __global const int* restrict code,          /* every program's code, concatenated */
        __global const int* restrict codeOffsets,   /* programs + 1 offsets into code */
        const int instances,                        /* I: instances per program */
        const int pairBase,                         /* first (program * I + instance) of this launch */
        const int pairCount,                        /* episodes in this launch */
        __global const int* restrict retrySlots,    /* retry launch: offsets from pairBase of its pairs */
        const int retrying,                         /* 1 in a retry launch */
        __global ulong* restrict whileKeys,         /* the pool: tables x WHILE_CAPACITY digests */
        __global uint* restrict whileStamps,        /* the pool: tables x WHILE_CAPACITY stamps */
        const uint stamp,                           /* this launch's stamp, never 0 */
        volatile __global uint* whileNext,          /* large tables handed out, 0 at the launch's start */
        const uint whileTables,                     /* large tables in the pool */
        __global const int* restrict instHero,      /* I x 3: row, col, dir */
        __global const uint* restrict instWalls,    /* I x WALL_WORDS wall bits, cell i = bit i */
        __global const uchar* restrict instMarkers, /* I x CELLS marker counts */
        __global const int* restrict instParams,    /* I x paramStride: TaskInstance.params() */
        const int paramStride,
        __global const ulong* restrict keyPow,      /* KEY_BASE^k for k = 0..CELLS */
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
    const Episode e = episodeOf(g, pairBase, retrySlots, retrying, instances, code, codeOffsets);
    const int instance = e.instance;

    VmWorld vm;
    World* w = &vm.world;
    vm.keyPow = keyPow;
    vm.total = 0;
    vm.steps = 0;
    load(w, instHero + 3 * instance, instWalls + (size_t) instance * WALL_WORDS,
            instMarkers + (size_t) instance * CELLS, keyPow);
    rewardReset(&vm.reward, w, instParams + (size_t) instance * paramStride);
#if TASK == TASK_SNAKE
    vm.reward.foodRng.mt = rngState + g;
    vm.reward.foodRng.stride = (uint) get_global_size(0);
    vm.reward.foodRng.index = MT_N;
#endif

    WhileMemory whileMemory = whileMemoryOf(whileKeys, whileStamps, stamp, whileNext, whileTables);
    const int status = run(e.code, e.length, &vm, &whileMemory);
    outReturn[e.slot] = vm.total;
    outSteps[e.slot] = vm.steps;
    outCalls[e.slot] = w->numCalls;
    outCrashed[e.slot] = w->crashed;
    outStatus[e.slot] = status;
}
