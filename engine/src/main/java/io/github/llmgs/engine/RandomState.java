package io.github.llmgs.engine;

/**
 * numpy's legacy {@code RandomState}: MT19937 seeded with {@code init_genrand}, and the draws
 * the reference's generators use. Reproduces numpy draw for draw (spec/karel.md section 4).
 */
public final class RandomState implements io.github.llmgs.dsl.Draws.Bits, io.github.llmgs.dsl.Draws.Positioned {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;
    /** Regenerations since seeding: with {@link #index}, where the stream is. */
    private long blocks;

    public RandomState(long seed) {
        reseed(seed);
    }

    /** Restarts the stream as {@code RandomState(seed)} would, without allocating. */
    public void reseed(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
        blocks = 0;
    }

    private RandomState(RandomState from) {
        System.arraycopy(from.mt, 0, mt, 0, N);
        index = from.index;
        blocks = from.blocks;
    }

    /** Words drawn since seeding, plus the 624 of the seeded state. */
    @Override
    public long position() {
        return blocks * N + index;
    }

    @Override
    public RandomState copy() {
        return new RandomState(this);
    }

    /** Moves on {@code words} words without tempering them: a regeneration per 624. */
    @Override
    public void skip(long words) {
        if (words < 0) throw new IllegalArgumentException("cannot skip back " + -words + " words");
        long at = index + words;
        while (at > N) {
            twist();
            at -= N;
        }
        index = (int) at;
    }

    /** One raw 32-bit MT19937 output, as an unsigned value in a long. */
    public long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /** The standard MT19937 regeneration, its wrap-around split into three loops instead of a modulo per word. */
    private void twist() {
        int i = 0;
        for (; i < N - M; i++) mt[i] = mt[i + M] ^ mix(mt[i], mt[i + 1]);
        for (; i < N - 1; i++) mt[i] = mt[i + M - N] ^ mix(mt[i], mt[i + 1]);
        mt[N - 1] = mt[M - 1] ^ mix(mt[N - 1], mt[0]);
        index = 0;
        blocks++;
    }

    /** The upper bit of one word and the lower 31 of the next, shifted, with the twist matrix where the low bit is set. */
    private static int mix(int upper, int lower) {
        int y = (upper & 0x80000000) | (lower & 0x7fffffff);
        return (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }

    /** {@code randint(low, high)}, high exclusive. */
    public long randint(long low, long high) {
        if (high <= low) {
            throw new IllegalArgumentException("randint: low >= high (" + low + ", " + high + ")");
        }
        return low + interval(high - 1 - low);
    }

    /** {@code randint(high)}: the reference's uniform node pick ({@code choice(nodes)}). */
    @Override
    public int randint(int high) {
        return randint(0, high);
    }

    /** {@code randint} for the small int ranges the task generators use. */
    public int randint(int low, int high) {
        return (int) randint((long) low, (long) high);
    }

    /**
     * A uniform value in 0..max by masked rejection, numpy's {@code random_interval} and
     * {@code bounded_masked} draws. A zero range consumes nothing.
     */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFFFFFFL) {
            do {
                value = nextUint32() & mask;
            } while (value > max);
        } else {
            do {
                value = ((nextUint32() << 32) | nextUint32()) & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    /** {@code shuffle} of a list: Fisher-Yates from the end, as numpy's legacy shuffle. */
    public <T> void shuffle(java.util.List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = (int) interval(i);
            T tmp = items.get(i);
            items.set(i, items.get(j));
            items.set(j, tmp);
        }
    }

    public void shuffle(int[] items) {
        for (int i = items.length - 1; i > 0; i--) {
            int j = (int) interval(i);
            int tmp = items[i];
            items[i] = items[j];
            items[j] = tmp;
        }
    }

    /** {@code random_sample()} (and {@code rand()}): 53-bit double in [0, 1). */
    @Override
    public double randomSample() {
        return randomBits() / 9007199254740992.0;
    }

    /** {@code random_sample()} times 2^53: 27 bits of one output above 26 of the next (exact as a double). */
    @Override
    public long randomBits() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a << 26) | b;
    }
}
