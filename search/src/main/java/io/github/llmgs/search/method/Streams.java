package io.github.llmgs.search.method;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random streams derived from (search seed, purpose, index). A neighbour's mutation draws come
 * from its own stream, keyed by its position in the sequential algorithm's order, so evaluating
 * neighbours speculatively in batches of any size yields the same search.
 */
public final class Streams {
    public static final long NEIGHBOUR = 1;
    public static final long RESTART = 2;
    public static final long RANDOM_PROGRAM = 3;

    private Streams() {}

    public static RandomGenerator of(long seed, long purpose, long index) {
        return new SplittableRandom(mix(mix(mix(seed) ^ purpose) ^ index));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
