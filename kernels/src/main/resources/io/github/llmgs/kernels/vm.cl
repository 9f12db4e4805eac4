/*
 * vm.cl -- the dispatch loop every domain's kernel shares: io.github.llmgs.engine.vm.BytecodeVm
 * and io.github.llmgs.engine.vm.WhileMemory (the same set, held in bounded memory: below), ported
 * line by line. The domain's kernel file
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
 * STATUS_BAD_OPCODE instead of reading past the program; and a run whose WHILE memory found no
 * room ends in STATUS_RETRY, which the host never reports: it reruns the pair.
 */

/* ------------------------------------------------------------------------------------------ */
/* WhileMemory: the set of (loop id, key) digests this episode has recorded, as the Java VM's, */
/* kept in two tiers so that device memory does not grow with the pairs of a launch.          */
/* ------------------------------------------------------------------------------------------ */

/*
 * Most episodes record a few dozen digests (bench/neighborhood-1024 on the Karel tasks: at most
 * 2.8% of episodes record more than WHILE_SMALL_LIMIT), yet max_calls allows thousands. So an
 * episode starts in a small open-addressing table in private memory -- which a GPU provides per
 * resident thread, not per launched pair -- cleared by one store of its occupancy mask. The
 * digest that takes it past WHILE_SMALL_LIMIT (3/4 full, to keep probe runs short) goes in like
 * any other, then the episode takes a large table (WHILE_CAPACITY slots, as many as max_calls
 * can fill) from the launch's pool with an atomic counter, and every digest moves there. A pair that finds the pool empty
 * stops with STATUS_RETRY; the host reruns it in a launch that has a large table for every pair.
 * Membership is decided by digest equality in whichever table holds the set, so every record
 * answers as WhileMemory.record does and results do not depend on the tier or on a retry.
 *
 * A large table is used by at most one pair per launch; its slots are live when their stamp
 * equals the launch's, so handing it to the next launch clears nothing.
 */

#if WHILE_SMALL_SLOTS != 64
#error "the private WHILE table's occupancy mask is one ulong: WHILE_SMALL_SLOTS must be 64"
#endif
#if WHILE_SMALL_LIMIT + 1 >= WHILE_SMALL_SLOTS
#error "record stores the digest that overfills the private WHILE table there before the move: it needs a free slot"
#endif

typedef struct {
    ulong small[WHILE_SMALL_SLOTS]; /* private tier: digests, live where used has the slot's bit */
    ulong used;
    int count;                      /* digests in the private tier */
    int large;                      /* the set has moved to keys / stamps */
    int outOfRoom;                  /* it had to move and the pool was empty: STATUS_RETRY */
    __global ulong* keys;           /* this pair's large table, once taken */
    __global uint* stamps;
    uint stamp;                     /* this launch's stamp, never 0 */
    __global ulong* poolKeys;       /* the launch's pool: tables x WHILE_CAPACITY slots */
    __global uint* poolStamps;
    volatile __global uint* poolNext; /* tables handed out so far in this launch */
    uint tables;
} WhileMemory;

/* Mixes the loop id into the key (splitmix64 finaliser, a bijection on the key). */
static inline ulong whileDigest(int whileId, ulong stateKey) {
    ulong z = stateKey ^ ((ulong) (long) whileId * 0xD6E8FEB86659FD93UL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    return z ^ (z >> 31);
}

/* WhileMemory.record's probe, on the large table: false if the digest was there already. */
static inline int recordLarge(WhileMemory* m, ulong digest) {
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

/* Takes a large table from the pool and moves the private tier's digests into it; false if none is left. */
static inline int takeLargeTable(WhileMemory* m) {
    const uint table = atomic_inc(m->poolNext);
    if (table >= m->tables) {
        return 0;
    }
    m->keys = m->poolKeys + (size_t) table * WHILE_CAPACITY;
    m->stamps = m->poolStamps + (size_t) table * WHILE_CAPACITY;
    for (uint slot = 0; slot < WHILE_SMALL_SLOTS; slot++) {
        if ((m->used >> slot) & 1UL) {
            recordLarge(m, m->small[slot]); /* distinct digests: each lands in an empty slot */
        }
    }
    m->large = 1;
    return 1;
}

/*
 * WhileMemory.record: records the key for that loop; false if the loop had already recorded it.
 * When the set needs a large table and none is left, it sets outOfRoom and says false, and the
 * loop, which looks at outOfRoom only then (off the common path), ends the run with STATUS_RETRY.
 */
int record(WhileMemory* m, int whileId, ulong stateKey) {
    const ulong digest = whileDigest(whileId, stateKey);
    if (!m->large) {
        uint slot = (uint) (digest ^ (digest >> 32)) & (WHILE_SMALL_SLOTS - 1);
        while ((m->used >> slot) & 1UL) {
            if (m->small[slot] == digest) {
                return 0;
            }
            slot = (slot + 1) & (WHILE_SMALL_SLOTS - 1);
        }
        /* The digest goes in before the set moves, so no digest of its own is live across the
           move's loop (that alone took 2-3 registers from every build); the table holds at most
           WHILE_SMALL_LIMIT + 1 < WHILE_SMALL_SLOTS digests, so this probe always ends at a free slot. */
        m->used |= 1UL << slot;
        m->small[slot] = digest;
        if (++m->count > WHILE_SMALL_LIMIT && !takeLargeTable(m)) {
            m->outOfRoom = 1;
            return 0;
        }
        return 1;
    }
    return recordLarge(m, digest);
}

/* An empty WHILE memory for this work-item's episode, drawing on the launch's pool of large tables. */
static inline WhileMemory whileMemoryOf(__global ulong* poolKeys, __global uint* poolStamps, uint stamp,
                                        volatile __global uint* poolNext, uint tables) {
    WhileMemory m;
    m.used = 0;
    m.count = 0;
    m.large = 0;
    m.outOfRoom = 0;
    m.keys = poolKeys;
    m.stamps = poolStamps;
    m.stamp = stamp;
    m.poolKeys = poolKeys;
    m.poolStamps = poolStamps;
    m.poolNext = poolNext;
    m.tables = tables;
    return m;
}

/* ------------------------------------------------------------------------------------------ */
/* The work layout every domain's kernel shares: global id g runs pair = pairBase + g, with    */
/* program = pair / instances and instance = pair % instances, so a program's instances are    */
/* adjacent (with 32 instances, one NVIDIA warp runs one program and diverges only on data).   */
/* A retry launch runs only the pairs of the launch at pairBase that stopped with STATUS_RETRY: */
/* work-item g runs the one at offset retrySlots[g] and writes its outputs there, over the     */
/* retry status, so the host reads the launch's outputs once, whole.                           */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    int program;
    int instance;
    int slot;                 /* where its outputs go: its offset from pairBase */
    __global const int* code; /* the program's code */
    int length;               /* its words */
} Episode;

static inline Episode episodeOf(int g, int pairBase, __global const int* retrySlots, int retrying, int instances,
                                __global const int* code, __global const int* codeOffsets) {
    Episode e;
    e.slot = retrying ? retrySlots[g] : g;
    const int pair = pairBase + e.slot;
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
                    if (whileMemory->outOfRoom) {
                        return STATUS_RETRY; /* no room to tell: the host reruns this pair where a large table is sure */
                    }
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
