package io.github.llmgs.engine.vm;

/**
 * The state keys each WHILE loop has seen this episode, for all loops of a program at once: a set
 * of (loop id, key) digests, in the two tiers the OpenCL kernels ({@code vm.cl}) keep under the
 * same names ({@code record}, {@code whileDigest}, {@code recordLarge}). Most episodes record a
 * few dozen digests, so an episode starts in a small open-addressing table cleared by one store
 * of its occupancy mask, which stays in L1; the digest that takes it past {@link #SMALL_LIMIT}
 * goes in like any other, and then the set moves to a large table sized for the most an episode can record
 * (each loop iteration costs at least one call, so max_calls + 1 keys, at load <= 1/3), whose
 * slots carry the episode's stamp, so starting an episode clears nothing there either. On a
 * long episode the large table is hundreds of kilobytes, and every probe of it was a cache miss
 * for every episode, short or long, before the small tier.
 *
 * <p>Membership is digest equality in whichever table holds the set, so both tiers, and the
 * kernels, answer alike.
 */
public final class WhileMemory {
    /** Slots of the small table: one bit each in a long occupancy mask, so one store clears it. */
    public static final int SMALL_SLOTS = Long.SIZE;
    /** Digests the small table takes before the set moves to the large one: at 3/4 load, probe runs stay short. */
    public static final int SMALL_LIMIT = SMALL_SLOTS * 3 / 4;

    private final long[] small = new long[SMALL_SLOTS];
    private long used;
    private int count;
    private boolean large;
    private final long[] keys;
    private final int[] stamps;
    private final int mask;
    private int stamp = 1;

    public WhileMemory(int maxCalls) {
        int capacity = Integer.highestOneBit(Math.max(16, 3 * (maxCalls + 1))) * 2;
        keys = new long[capacity];
        stamps = new int[capacity];
        mask = capacity - 1;
    }

    public void newEpisode() {
        used = 0;
        count = 0;
        if (large) {
            large = false;
            if (++stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(stamps, 0);
                stamp = 1;
            }
        }
    }

    /** Records the key for that loop; false if the loop had already recorded it. */
    public boolean record(int whileId, long stateKey) {
        long digest = whileDigest(whileId, stateKey);
        if (!large) {
            int slot = (int) (digest ^ (digest >>> 32)) & (SMALL_SLOTS - 1);
            while ((used >>> slot & 1L) != 0) {
                if (small[slot] == digest) {
                    return false;
                }
                slot = (slot + 1) & (SMALL_SLOTS - 1);
            }
            // in before the set moves, as the kernel does it: the table holds at most
            // SMALL_LIMIT + 1 < SMALL_SLOTS digests, so the probe always ends at a free slot
            used |= 1L << slot;
            small[slot] = digest;
            if (++count > SMALL_LIMIT) takeLargeTable();
            return true;
        }
        return recordLarge(digest);
    }

    /** Moves the small table's digests into the large one (distinct digests: each lands in an empty slot). */
    private void takeLargeTable() {
        for (int slot = 0; slot < SMALL_SLOTS; slot++) {
            if ((used >>> slot & 1L) != 0) recordLarge(small[slot]);
        }
        large = true;
    }

    private boolean recordLarge(long digest) {
        int slot = (int) (digest ^ (digest >>> 32)) & mask;
        while (stamps[slot] == stamp) {
            if (keys[slot] == digest) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        stamps[slot] = stamp;
        keys[slot] = digest;
        return true;
    }

    /** Mixes the loop id into the key (splitmix64 finaliser, a bijection on the key). */
    public static long whileDigest(int whileId, long stateKey) {
        long z = stateKey ^ (whileId * 0xD6E8FEB86659FD93L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
