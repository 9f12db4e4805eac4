package io.github.llmgs.engine.minigrid;

/**
 * numpy's {@code PCG64} bit generator (XSL-RR 128/64) with its one-word 32-bit buffer
 * (spec/minigrid.md section 3.2). The 128-bit state and increment are kept as hi/lo longs so a
 * kernel can mirror them without 128-bit integers.
 */
public final class Pcg64 {
    private static final long MULT_HI = 0x2360ED051FC65DA4L;
    private static final long MULT_LO = 0x4385DF649FCCF645L;

    private long stateHi;
    private long stateLo;
    private long incHi;
    private long incLo;
    private boolean hasUint32;
    private int uint32Buffer;

    /** {@code PCG64(SeedSequence(seed))}. */
    public Pcg64(long seed) {
        reseed(seed);
    }

    /** Restarts the stream as a fresh {@code PCG64(SeedSequence(seed))}. */
    public void reseed(long seed) {
        long[] u = new SeedSequence(seed).generateState64(4);
        seed(u[0], u[1], u[2], u[3]);
    }

    /** numpy's {@code pcg64_srandom_r} with initstate = hi:lo and initseq = hi:lo. */
    void seed(long initStateHi, long initStateLo, long initSeqHi, long initSeqLo) {
        incHi = (initSeqHi << 1) | (initSeqLo >>> 63);
        incLo = (initSeqLo << 1) | 1L;
        stateHi = 0;
        stateLo = 0;
        step();
        long lo = stateLo + initStateLo;
        stateHi += initStateHi + (Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0);
        stateLo = lo;
        step();
        hasUint32 = false;
        uint32Buffer = 0;
    }

    /** state = state * M + inc (mod 2^128). */
    private void step() {
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateHi * MULT_LO + stateLo * MULT_HI;
        long lo = stateLo * MULT_LO;
        long sumLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        stateLo = sumLo;
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** One raw 64-bit output: step, then XSL-RR. Leaves the 32-bit buffer alone. */
    public long next64() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    /** One raw 32-bit output as an unsigned value: the buffered high half, else a fresh low half. */
    public long next32() {
        if (hasUint32) {
            hasUint32 = false;
            return uint32Buffer & 0xFFFFFFFFL;
        }
        long v = next64();
        hasUint32 = true;
        uint32Buffer = (int) (v >>> 32);
        return v & 0xFFFFFFFFL;
    }

    public long stateHi() {
        return stateHi;
    }

    public long stateLo() {
        return stateLo;
    }

    public long incHi() {
        return incHi;
    }

    public long incLo() {
        return incLo;
    }
}
