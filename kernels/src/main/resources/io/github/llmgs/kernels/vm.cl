/*
 * vm.cl -- the dispatch loop every domain's kernel shares: io.github.llmgs.engine.vm.BytecodeVm
 * and io.github.llmgs.engine.vm.WhileMemory, ported line by line. The domain's kernel file
 * (karel.cl, minigrid.cl) includes it after opcodes.h, engine.h and WHILE_CAPACITY, having
 * defined its VmWorld and the helpers of the Java interface VmWorld under the same names:
 *
 *   int crashed(const VmWorld* w)            actions are now skipped; conditions still count
 *   int act(VmWorld* w, int action)          one action in an uncrashed world; 1: episode over
 *   int perceiveAndCount(VmWorld* w, int c)  one condition (the vocabulary's operand), counted
 *   ulong stateKey(const VmWorld* w)         what a WHILE head remembers
 *   void crash(VmWorld* w)                   a WHILE head saw its state again
 *   int callLimitReached(const VmWorld* w)   how the run ended, when no WHILE repeated first
 *
 * The loop owns the control flow (jumps, REPEAT counters, WHILE memory); the domain owns what
 * actions and conditions do. Unlike the Java VM, which runs only verified code, the loop also
 * bounds the program counter and the REPEAT stack, so code a verifier would reject ends in
 * STATUS_BAD_OPCODE instead of reading past the program.
 */

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

/* This work-item's WHILE table in the launch's global scratch, WHILE_CAPACITY slots per work-item. */
static inline WhileMemory whileMemoryOf(int g, __global ulong* keys, __global uint* stamps, uint stamp) {
    WhileMemory m;
    m.keys = keys + (size_t) g * WHILE_CAPACITY;
    m.stamps = stamps + (size_t) g * WHILE_CAPACITY;
    m.stamp = stamp;
    return m;
}

/* ------------------------------------------------------------------------------------------ */
/* The work layout every domain's kernel shares: global id g runs pair = pairBase + g, with    */
/* program = pair / instances and instance = pair % instances, so a program's instances are    */
/* adjacent (with 32 instances, one NVIDIA warp runs one program and diverges only on data).   */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    int program;
    int instance;
    __global const int* code; /* the program's code */
    int length;               /* its words */
} Episode;

static inline Episode episodeOf(int g, int pairBase, int instances, __global const int* code,
                                __global const int* codeOffsets) {
    Episode e;
    const int pair = pairBase + g;
    e.program = pair / instances;
    e.instance = pair - e.program * instances;
    e.code = code + codeOffsets[e.program];
    e.length = codeOffsets[e.program + 1] - codeOffsets[e.program];
    return e;
}

/* ------------------------------------------------------------------------------------------ */
/* BytecodeVm.run                                                                              */
/* ------------------------------------------------------------------------------------------ */

/* Runs one episode of prog (length words) on a world already loaded for it; returns its STATUS_*. */
static inline int run(__global const int* prog, int length, VmWorld* w, WhileMemory* whileMemory) {
    int stack[MAX_REPEAT_DEPTH];
    int sp = 0;
    int pc = 0;
    int repeated = 0;
    while (1) {
        if (pc < 0 || pc >= length) {
            return STATUS_BAD_OPCODE;
        }
        const int op = prog[pc] & OPCODE_MASK;
        if (prog[pc] == OP_HALT) {
            break;
        }
        if (pc + operands(op) >= length) {
            /* a truncated instruction: its operands would be read past this program's code */
            return STATUS_BAD_OPCODE;
        }
        switch (op) {
            case OP_ACT:
                if (!crashed(w) && act(w, (int) ((uint) prog[pc] >> OPCODE_BITS))) {
                    goto done;
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
                if (crashed(w)) {
                    pc = prog[pc + 2];
                } else if (!record(whileMemory, prog[pc + 1], stateKey(w))) {
                    crash(w);
                    repeated = 1;
                    pc = prog[pc + 2];
                } else {
                    pc += 3;
                }
                break;
            case OP_REPEAT_PUSH:
                if (sp >= MAX_REPEAT_DEPTH) {
                    return STATUS_BAD_OPCODE;
                }
                stack[sp++] = prog[pc + 1];
                pc += 2;
                break;
            case OP_REPEAT_NEXT:
                if (sp < 1) {
                    return STATUS_BAD_OPCODE;
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
                return STATUS_BAD_OPCODE;
        }
    }
done:
    return repeated ? STATUS_WHILE_REPEAT : callLimitReached(w) ? STATUS_CALL_LIMIT : STATUS_OK;
}
