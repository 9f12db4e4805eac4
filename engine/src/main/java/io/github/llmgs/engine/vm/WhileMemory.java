package io.github.llmgs.engine.vm;

/**
 * The state keys each WHILE loop has seen this episode, for all loops of a program at once: an
 * open-addressing table of (loop id, key) digests. Each loop iteration costs at least one call,
 * so an episode records at most max_calls + 1 keys; the table is sized for that at load <= 1/3.
 * Slots carry the episode's stamp, so starting an episode clears nothing.
 *
 * <p>The OpenCL kernels ({@code vm.cl}) keep the same set under the same names ({@code record},
 * {@code whileDigest}) in two tiers, because there a table sized by max_calls for every launched
 * pair would not fit: a small private table first, a large one like this from a shared pool
 * when an episode records more. Membership is digest equality either way, so both answer alike.
 */
public final class WhileMemory {
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
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    /** Records the key for that loop; false if the loop had already recorded it. */
    public boolean record(int whileId, long stateKey) {
        long digest = whileDigest(whileId, stateKey);
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
