package io.github.llmgs.kernels;

import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.vm.WhileMemory;
import java.util.Locale;
import org.jocl.Sizeof;

/**
 * How the kernels hold an episode's WHILE memory (the set {@link io.github.llmgs.engine.vm.WhileMemory}
 * keeps) in device memory that does not grow with max_calls per launched pair, and what a launch
 * of n pairs therefore costs. {@code vm.cl} says how the kernel side works: a private table of
 * {@link #SMALL_SLOTS} digests per work-item, and for the few episodes that record more than
 * {@link #SMALL_LIMIT} digests, a large table ({@link KernelSource#whileCapacity} slots) from a
 * pool the launch shares, handed out by an atomic counter. A pair that finds the pool empty ends
 * with {@link #STATUS_RETRY}; {@link DeviceContext#launch} reruns those pairs in retry launches
 * where every pair is sure of a table.
 *
 * <p>The pool holds one large table per {@link #PAIRS_PER_TABLE} pairs (at least
 * {@link #MIN_TABLES}): on bench/neighborhood-1024 x 32 instances at max_calls 10,000, at most 2.8%
 * of a Karel task's episodes (Snake; 1.6% on OneStroke, 1.3% on FourCorners, under 0.5% on the
 * rest) record more than SMALL_LIMIT digests, so a pool of 1/16 leaves room to spare and the
 * retry path is rare. A batch where most episodes need a large table still gets every result
 * right and does not crawl: its retry launches take as many tables as the scratch share left
 * beside the launch holds ({@link DeviceContext#prepare}), which is at least the launch size the
 * old one-table-per-pair layout had in the same memory, and the whole launch when that fits.
 */
public final class WhileTables {
    /** Slots of the private table, the Java VM's small tier ({@link WhileMemory#SMALL_SLOTS}). */
    public static final int SMALL_SLOTS = WhileMemory.SMALL_SLOTS;
    /** Digests the private table takes before the set moves to a large one ({@link WhileMemory#SMALL_LIMIT}). */
    public static final int SMALL_LIMIT = WhileMemory.SMALL_LIMIT;
    /**
     * The kernel's status for a pair that needed a large table when none was left. Not an
     * {@link ExitStatus}: the host reruns the pair, so no result ever carries it.
     */
    public static final int STATUS_RETRY = ExitStatus.values().length;
    /** Pairs of a launch per large table in its pool. */
    public static final int PAIRS_PER_TABLE = 16;
    /** Large tables of the smallest pool (unless the launch has fewer pairs): a program's 32 instances. */
    public static final int MIN_TABLES = 32;

    private WhileTables() {}

    /** Large tables in the pool of a launch of {@code pairs}: one per PAIRS_PER_TABLE pairs, at least MIN_TABLES, at most one per pair. */
    public static long tables(long pairs) {
        return Math.min(pairs, Math.max(MIN_TABLES, (pairs + PAIRS_PER_TABLE - 1) / PAIRS_PER_TABLE));
    }

    /** Device bytes of one large table of the pool: a digest and a stamp per slot, and its pair's retry slot. */
    public static long tableBytes(long whileCapacity) {
        return whileCapacity * (Sizeof.cl_ulong + Sizeof.cl_uint) + Sizeof.cl_int;
    }

    /** Device bytes of a launch of {@code pairs} with {@code tables} large tables and {@code bytesPerPair} of the domain's own. */
    public static long launchBytes(long pairs, long tables, long whileCapacity, long bytesPerPair) {
        return pairs * bytesPerPair + tables * tableBytes(whileCapacity);
    }

    /**
     * The most pairs one launch may have on a device with {@code globalBytes} of memory, of which
     * it may take {@code share}, and buffers of at most {@code maxAllocBytes}: the pool's keys are
     * the largest buffer; the domain's own per-pair buffers are bounded by its {@code extraLimit}.
     * {@code fixedTables} &gt;= 0 fixes the pool's size (the {@code llmgs.opencl.whileTables} override).
     */
    public static long largestLaunch(long globalBytes, double share, long maxAllocBytes, long whileCapacity, long bytesPerPair,
                                     int fixedTables) {
        long budget = (long) (globalBytes * share);
        long lo = 0, hi = Integer.MAX_VALUE; // the batch API indexes pairs with an int
        while (lo < hi) { // tables(n) and so launchBytes grow with n: the largest n that fits
            long mid = lo + (hi - lo + 1) / 2;
            long tables = fixedTables >= 0 ? Math.max(1, fixedTables) : tables(mid);
            boolean fits = launchBytes(mid, tables, whileCapacity, bytesPerPair) <= budget
                    && tables * whileCapacity * Sizeof.cl_ulong <= maxAllocBytes;
            if (fits) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /**
     * One line on what a launch costs per pair at this call limit, and the largest launch in the
     * scratch share of a 16 GB and an 80 GB device (buffers of at most a quarter of it, as NVIDIA
     * reports), with {@code bytesPerPair} of the domain's outputs and state.
     */
    public static String describe(int maxCalls, long bytesPerPair, double share) {
        long capacity = KernelSource.whileCapacity(maxCalls);
        long table = tableBytes(capacity);
        double amortised = bytesPerPair + (double) table / PAIRS_PER_TABLE;
        long gb16 = 16L << 30, gb80 = 80L << 30;
        return String.format(Locale.ROOT, "WHILE memory at max_calls %d: %d bytes per pair (outputs and state) + one %d-byte"
                        + " large table per %d pairs = %.0f bytes per pair; the old one-table-per-pair layout took %d;"
                        + " largest launch in %.0f%% of 16 GB: %d pairs (was %d), of 80 GB: %d pairs (was %d)",
                maxCalls, bytesPerPair, table, PAIRS_PER_TABLE, amortised, oldBytesPerPair(capacity, bytesPerPair), share * 100,
                largestLaunch(gb16, share, gb16 / 4, capacity, bytesPerPair, -1), oldLargestLaunch(gb16, share, capacity, bytesPerPair),
                largestLaunch(gb80, share, gb80 / 4, capacity, bytesPerPair, -1), oldLargestLaunch(gb80, share, capacity, bytesPerPair));
    }

    /** Bytes per pair when every work-item owned a large table: for comparison only. */
    static long oldBytesPerPair(long whileCapacity, long bytesPerPair) {
        return whileCapacity * (Sizeof.cl_ulong + Sizeof.cl_uint) + bytesPerPair;
    }

    /** The largest launch of the old layout (its keys buffer at most a quarter of the device): for comparison only. */
    static long oldLargestLaunch(long globalBytes, double share, long whileCapacity, long bytesPerPair) {
        return Math.min(globalBytes / 4 / (whileCapacity * Sizeof.cl_ulong),
                (long) (globalBytes * share) / oldBytesPerPair(whileCapacity, bytesPerPair));
    }

    /** Prints {@link #describe} for Karel's outputs at the default call limit, or at the one given. */
    public static void main(String[] args) {
        int maxCalls = args.length > 0 ? Integer.parseInt(args[0]) : io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS;
        System.out.println(describe(maxCalls, OpenClBackend.OUTPUT_BYTES_PER_PAIR, DeviceContext.SCRATCH_SHARE_OF_GLOBAL));
    }
}
