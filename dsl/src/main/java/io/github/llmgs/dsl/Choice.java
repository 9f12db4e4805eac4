package io.github.llmgs.dsl;

/**
 * numpy's {@code choice(options, p)} over fixed weights, its arithmetic done once: the running sum
 * of the weights divided by its last element, then per draw one {@code random_sample()} and
 * {@code searchsorted(side='right')}. The table is the very doubles numpy computes, so a draw
 * takes the option the reference takes; only the per-draw allocation is gone.
 *
 * <p>The option is a non-decreasing function of the drawn double, so where a stream gives its
 * double as a 53-bit integer ({@link Draws.Bits}), the top {@link #BUCKET_BITS} bits usually
 * settle it: {@link #buckets} holds the option for every bucket whose two ends take the same one
 * (all of it does, then), and only a draw in a bucket that a boundary crosses is searched. That
 * takes the search's unpredictable branches out of most of the grammar's draws.
 */
final class Choice {
    static final int BUCKET_BITS = 10;
    private static final int SHIFT = 53 - BUCKET_BITS;
    /** A bucket that a boundary crosses: the draw is searched. */
    private static final byte SEARCH = -1;

    private final double[] cdf;
    private final byte[] buckets;

    private Choice(double[] cdf) {
        this.cdf = cdf;
        this.buckets = new byte[1 << BUCKET_BITS];
        for (int t = 0; t < buckets.length; t++) {
            long first = (long) t << SHIFT, last = ((long) (t + 1) << SHIFT) - 1;
            int option = search(unit(first));
            buckets[t] = option == search(unit(last)) && option < Byte.MAX_VALUE ? (byte) option : SEARCH;
        }
    }

    /** {@code choice(options, p=w / w.sum())}: the reference normalises kind weights first. */
    static Choice normalised(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / total;
        }
        return asListed(p);
    }

    /** {@code choice(options, p)} with the weights as given (names, counts, arguments). */
    static Choice asListed(double[] p) {
        double[] cdf = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            cdf[i] = sum;
        }
        double last = cdf[cdf.length - 1];
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= last;
        }
        return new Choice(cdf);
    }

    int draw(Draws draws) {
        if (draws instanceof Draws.Bits bits) {
            return draw(bits.randomBits());
        }
        return search(draws.randomSample());
    }

    /** The option for {@code random_sample() == x / 2^53}. */
    int draw(long x) {
        byte option = buckets[(int) (x >>> SHIFT)];
        return option != SEARCH ? option : search(unit(x));
    }

    /** {@code searchsorted(cdf, u, side='right')}, kept in range. */
    int search(double u) {
        for (int i = 0; i < cdf.length; i++) {
            if (cdf[i] > u) {
                return i;
            }
        }
        return cdf.length - 1;
    }

    /** x / 2^53, exactly: x has at most 53 bits. */
    private static double unit(long x) {
        return x / 9007199254740992.0;
    }
}
