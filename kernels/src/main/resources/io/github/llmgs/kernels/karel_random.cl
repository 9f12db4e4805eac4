/*
 * karel_random.cl -- io.github.llmgs.engine.RandomState, included by karel_reward_snake.cl (Snake is the
 * only task that draws during an episode).
 */

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
