package io.github.llmgs.dsl;

/**
 * numpy's {@code choice(options, p)} over fixed weights, its arithmetic done once: the running sum
 * of the weights divided by its last element, then per draw one {@code random_sample()} and
 * {@code searchsorted(side='right')}. The table is the very doubles numpy computes, so a draw
 * takes the option the reference takes; only the per-draw allocation is gone.
 */
final class Choice {
    private final double[] cdf;

    private Choice(double[] cdf) {
        this.cdf = cdf;
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
        double u = draws.randomSample();
        for (int i = 0; i < cdf.length; i++) {
            if (cdf[i] > u) {
                return i;
            }
        }
        return cdf.length - 1;
    }
}
