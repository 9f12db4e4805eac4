package io.github.llmgs.engine.minigrid;

/**
 * numpy's {@code Generator(PCG64(SeedSequence(seed)))} as far as minigrid uses it:
 * {@code integers(low, high)} with numpy's int64 bounded path (spec/minigrid.md section 3.3) and
 * minigrid's {@code _rand_int} / {@code _rand_elem} (section 3.4).
 */
public final class Generator {
    /** Sees every {@code integers} call with its bounds and result, for RNG-call logs. */
    @FunctionalInterface
    public interface Calls {
        void integers(long low, long high, long result);
    }

    private final Pcg64 bits;
    private Calls calls;

    public Generator(long seed) {
        this.bits = new Pcg64(seed);
    }

    /** Restarts the stream as gymnasium's {@code reset(seed=...)} does, keeping the call log. */
    public void reseed(long seed) {
        bits.reseed(seed);
    }

    public Pcg64 bits() {
        return bits;
    }

    /** Reports every later {@code integers} call to {@code log} (null stops reporting). */
    public void logCalls(Calls log) {
        this.calls = log;
    }

    /** {@code integers(low, high)}: high exclusive, a zero-width range draws nothing. */
    public long integers(long low, long high) {
        if (high <= low) {
            throw new IllegalArgumentException("integers: low >= high (" + low + ", " + high + ")");
        }
        long result = low + bounded(high - 1 - low);
        if (calls != null) {
            calls.integers(low, high, result);
        }
        return result;
    }

    /** A uniform value in 0..range (range unsigned), numpy's {@code random_bounded_uint64_fill}. */
    private long bounded(long range) {
        if (range == 0) {
            return 0;
        }
        if (Long.compareUnsigned(range, 0xFFFFFFFFL) < 0) {
            return lemire32(range + 1);
        }
        if (range == 0xFFFFFFFFL) {
            return bits.next32();
        }
        if (range == -1L) {
            return bits.next64();
        }
        return lemire64(range + 1);
    }

    /** Lemire's multiply-and-reject on 32 bits; n < 2^32, so the product fits 64 bits unsigned. */
    private long lemire32(long n) {
        long m = bits.next32() * n;
        long leftover = m & 0xFFFFFFFFL;
        if (leftover < n) {
            long threshold = ((1L << 32) - n) % n;
            while (leftover < threshold) {
                m = bits.next32() * n;
                leftover = m & 0xFFFFFFFFL;
            }
        }
        return m >>> 32;
    }

    /** Lemire on 64 bits with the 128-bit product as hi/lo longs. */
    private long lemire64(long n) {
        long x = bits.next64();
        long leftover = x * n;
        long high = Pcg64.unsignedMultiplyHigh(x, n);
        if (Long.compareUnsigned(leftover, n) < 0) {
            long threshold = Long.remainderUnsigned(-n, n);
            while (Long.compareUnsigned(leftover, threshold) < 0) {
                x = bits.next64();
                leftover = x * n;
                high = Pcg64.unsignedMultiplyHigh(x, n);
            }
        }
        return high;
    }

    /** minigrid's {@code _rand_int(low, high)}. */
    public int randInt(int low, int high) {
        return (int) integers(low, high);
    }

    /** minigrid's {@code _rand_elem(list)}: the index it picks. */
    public int randElemIndex(int length) {
        return (int) integers(0, length);
    }
}
