package io.github.llmgs.engine.minigrid;

/**
 * numpy's {@code SeedSequence(seed)} without a spawn key: the entropy hashed into a pool of four
 * 32-bit words, and {@code generate_state} (spec/minigrid.md section 3.1). All arithmetic is
 * mod 2^32, which Java's int arithmetic gives for free.
 */
public final class SeedSequence {
    static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43B0D7E5;
    private static final int MULT_A = 0x931E8875;
    private static final int INIT_B = 0x8B51F9DD;
    private static final int MULT_B = 0x58F38DED;
    private static final int MIX_MULT_L = 0xCA01F9DD;
    private static final int MIX_MULT_R = 0x4973F715;

    private final int[] pool = new int[POOL_SIZE];
    /** hashmix's running constant; it evolves across every call of one mixing pass. */
    private int hashConst;

    public SeedSequence(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("SeedSequence: seed must be non-negative, got " + seed);
        }
        mixEntropy(entropyWords(seed));
    }

    /** The seed as little-endian 32-bit words; zero is one word, as numpy coerces it. */
    private static int[] entropyWords(long seed) {
        return (seed >>> 32) == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
    }

    private void mixEntropy(int[] words) {
        hashConst = INIT_A;
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < words.length ? words[i] : 0);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src]));
                }
            }
        }
        for (int src = POOL_SIZE; src < words.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashmix(words[src]));
            }
        }
    }

    private int hashmix(int value) {
        value ^= hashConst;
        hashConst *= MULT_A;
        value *= hashConst;
        return value ^ (value >>> 16);
    }

    private static int mix(int x, int y) {
        int r = MIX_MULT_L * x - MIX_MULT_R * y;
        return r ^ (r >>> 16);
    }

    /** The pool as unsigned values (numpy's {@code pool} attribute). */
    public long[] pool() {
        long[] out = new long[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            out[i] = pool[i] & 0xFFFFFFFFL;
        }
        return out;
    }

    /** {@code generate_state(n, uint32)}, as raw 32-bit words. */
    public int[] generateState(int words) {
        int[] out = new int[words];
        int c = INIT_B;
        for (int i = 0; i < words; i++) {
            int v = pool[i % POOL_SIZE];
            v ^= c;
            c *= MULT_B;
            v *= c;
            out[i] = v ^ (v >>> 16);
        }
        return out;
    }

    /** {@code generate_state(n, uint64)}: consecutive 32-bit words paired little-endian. */
    public long[] generateState64(int words) {
        int[] w = generateState(2 * words);
        long[] out = new long[words];
        for (int k = 0; k < words; k++) {
            out[k] = (w[2 * k] & 0xFFFFFFFFL) | ((long) w[2 * k + 1] << 32);
        }
        return out;
    }
}
