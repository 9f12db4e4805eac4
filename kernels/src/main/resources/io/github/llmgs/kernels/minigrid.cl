/*
 * minigrid.cl -- the MiniGrid bytecode interpreter, one work-item per (program, instance) episode:
 * the entry kernel and MiniGrid's VmWorld, the world helpers the shared dispatch loop (vm.cl)
 * calls. The world it acts on is minigrid_world.cl; each task's step override is its own
 * minigrid_reward_<task>.cl, compiled in by -DTASK.
 *
 * This is io.github.llmgs.engine.minigrid.MiniGridVmWorld, MiniGridWorld and the step overrides
 * of LavaGap, RedBlueDoor and PutNear ported line by line, with the Java names and argument order
 * (the world comes first, as `this`). When one side changes, change the other; the conformance
 * vectors and the differential test hold them together.
 *
 * Work layout as karel.cl's: global id g covers pair = pairBase + g, program = pair / instances,
 * instance = pair % instances. The world is private, and so is the WHILE memory until an episode
 * records many states and takes a large table from the launch's pool (vm.cl).
 *
 * Build options (the host specialises one program per task and call limit):
 *   -DTASK=<index in MiniGridTasks.ALL> -DWIDTH=<w> -DHEIGHT=<h> -DMAX_STEPS=<task.maxSteps()>
 *   -DMAX_CALLS=<max_calls> -DWHILE_CAPACITY=<power of two >= 1.5 * (MAX_CALLS + 1): a large WHILE
 *   table's slots> -DTRACE=<0|1>
 * The trace build (TRACE 1, one episode per launch) also writes every executed step, as the
 * vectors' traces record it, and the world the episode ended in: MiniGridEpisodes.trace.
 *
 * Object types, colours, door states, task ids and the start layout come from minigrid.h, exit
 * statuses and the private WHILE table's size from engine.h, actions and features from opcodes.h:
 * all generated from the Java.
 */
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#include "opcodes.h"
#include "engine.h"
#include "minigrid.h"

#if !defined(TASK) || !defined(WIDTH) || !defined(HEIGHT) || !defined(MAX_STEPS) || !defined(MAX_CALLS) \
        || !defined(WHILE_CAPACITY) || !defined(TRACE)
#error "minigrid.cl needs -DTASK -DWIDTH -DHEIGHT -DMAX_STEPS -DMAX_CALLS -DWHILE_CAPACITY -DTRACE"
#endif
#if TASK < 0 || TASK >= MINIGRID_TASKS
#error "unknown TASK"
#endif

#define CELLS (WIDTH * HEIGHT)

#include "minigrid_world.cl"
#include "minigrid_reward_lava_gap.cl"
#include "minigrid_reward_red_blue_door.cl"
#include "minigrid_reward_put_near.cl"

/* ------------------------------------------------------------------------------------------ */
/* MiniGridVmWorld: ProgramWrapper's calls, crash flag and reward collection (section 7)       */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    MiniGridWorld world;
    int numCalls;
    int crashed;
    int terminated;
    int steps;
    double total;
#if TRACE
    __global int* traceSteps;      /* TRACE_FIELDS ints per executed step */
    __global double* traceRewards; /* each step's reward */
#endif
} VmWorld;

/* Vocabulary.featureOf / argumentOf: a condition is a feature id and, above FEATURE_BITS, an argument's value + 1. */
static inline int featureOf(int condition) { return condition & ((1 << FEATURE_BITS) - 1); }

static inline int argumentOf(int condition) { return (int) ((uint) condition >> FEATURE_BITS) - 1; }

static inline int crashed(const VmWorld* v) { return v->crashed; }

#if TRACE
/* MiniGridStepLog.action: the step just taken, once its reward was collected, as traces.jsonl records it. */
static inline void traceStep(VmWorld* v, int action) {
    const MiniGridWorld* w = &v->world;
    __global int* s = v->traceSteps + (size_t) (v->steps - 1) * TRACE_FIELDS;
    s[TRACE_ACTION] = action;
    s[TRACE_X] = w->agentX;
    s[TRACE_Y] = w->agentY;
    s[TRACE_DIR] = w->agentDir;
    s[TRACE_CARRY_TYPE] = w->carryType;
    s[TRACE_CARRY_COLOR] = w->carryColor;
    s[TRACE_TERMINATED] = w->terminated;
    s[TRACE_CALLS] = v->numCalls;
    s[TRACE_CRASHED] = v->crashed;
    v->traceRewards[v->steps - 1] = w->reward;
}
#endif

/* ProgramWrapper.act: the call that reaches the limit still steps; termination crashes and ends the walk. */
static inline int act(VmWorld* v, int action) {
    MiniGridWorld* w = &v->world;
    v->numCalls++;
    step(w, action);
    v->terminated = w->terminated;
    /* run_action's "state unchanged" test adds crash_penalty 0.0: no observable effect */
    if (v->numCalls >= MAX_CALLS) {
        v->crashed = 1;
    }
    v->steps++;
    if (v->terminated) {
        v->crashed = 1;
    }
    v->total += w->reward;
#if TRACE
    traceStep(v, action);
#endif
    return v->terminated;
}

/* A condition's value: a type or colour index for a feature with an argument, -1 for a word that names nothing. */
static inline int perceive(const VmWorld* v, int condition) {
    return sense(&v->world, featureOf(condition), argumentOf(condition));
}

/* ProgramWrapper.sense: counted (and crashing at the limit) before it is evaluated. */
static inline int perceiveAndCount(VmWorld* v, int condition) {
    v->numCalls++;
    if (v->numCalls >= MAX_CALLS) {
        v->crashed = 1;
    }
    return perceive(v, condition);
}

/*
 * StateKey's fields streamed into one 64-bit polynomial hash: every cell's (type, colour, state),
 * the agent's position, direction and LavaGap's array-position flag; not what is carried.
 */
static inline ulong stateKey(const VmWorld* v) {
    const MiniGridWorld* w = &v->world;
    ulong h = 0;
    for (int c = 0; c < CELLS; c++) {
        h = h * KEY_BASE + (ulong) ((w->type[c] << 8 | w->color[c] << 4 | w->state[c]) + 1);
    }
    h = h * KEY_BASE + (ulong) (long) (w->agentX + 1);
    h = h * KEY_BASE + (ulong) (long) (w->agentY + 1);
    h = h * KEY_BASE + (ulong) (long) (w->agentDir + 1);
    return h * KEY_BASE + (ulong) (w->agentPosIsArray ? 2 : 1);
}

static inline void crash(VmWorld* v) { v->crashed = 1; }

static inline int callLimitReached(const VmWorld* v) { return v->numCalls >= MAX_CALLS; }

#include "vm.cl"

__kernel void minigrid(
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
        __global const uchar* restrict instCells,   /* I x 3 x CELLS: types, colours, states */
        __global const int* restrict instStart,     /* I x START_FIELDS: agent, carrying, task fields */
        __global double* restrict outReturn,
        __global int* restrict outSteps,
        __global int* restrict outCalls,
        __global int* restrict outCrashed,
        __global int* restrict outTerminated,
        __global int* restrict outStatus,
        __global int* restrict traceSteps,          /* TRACE: MAX_CALLS x TRACE_FIELDS step fields */
        __global double* restrict traceRewards,     /* TRACE: MAX_CALLS step rewards */
        __global uchar* restrict endCells,          /* TRACE: the end world's 3 x CELLS cells */
        __global int* restrict endStart) {          /* TRACE: the end world's START_FIELDS ints */
    const int g = (int) get_global_id(0);
    if (g >= pairCount) {
        return;
    }
    const Episode e = episodeOf(g, pairBase, retrySlots, retrying, instances, code, codeOffsets);
    const int instance = e.instance;

    VmWorld vm;
    load(&vm.world, instCells + (size_t) instance * 3 * CELLS, instStart + (size_t) instance * START_FIELDS);
    vm.numCalls = 0;
    vm.crashed = 0;
    vm.terminated = 0;
    vm.steps = 0;
    vm.total = 0.0;
#if TRACE
    vm.traceSteps = traceSteps;
    vm.traceRewards = traceRewards;
#endif

    WhileMemory whileMemory = whileMemoryOf(whileKeys, whileStamps, stamp, whileNext, whileTables);
    const int status = run(e.code, e.length, &vm, &whileMemory);
    outReturn[e.slot] = vm.total;
    outSteps[e.slot] = vm.steps;
    outCalls[e.slot] = vm.numCalls;
    outCrashed[e.slot] = vm.crashed;
    outTerminated[e.slot] = vm.terminated;
    outStatus[e.slot] = status;
#if TRACE
    store(&vm.world, endCells, endStart);
#endif
}
