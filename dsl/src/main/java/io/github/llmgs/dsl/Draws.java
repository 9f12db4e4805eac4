package io.github.llmgs.dsl;

import java.util.random.RandomGenerator;

/**
 * The two kinds of draw the reference's grammar makes from its numpy stream (spec/search.md
 * section 6): a uniform double for weighted choices and a uniform index for the node pick. The
 * search implements it over numpy's RandomState so its draws are the reference's, draw for draw.
 */
public interface Draws {
    /** numpy's {@code random_sample()}: a double in [0, 1). */
    double randomSample();

    /** numpy's {@code randint(0, high)}. */
    int randint(int high);

    /** Draws from a Java generator, for tests and tools that need no reference stream. */
    static Draws of(RandomGenerator rng) {
        return new Draws() {
            public double randomSample() { return rng.nextDouble(); }
            public int randint(int high) { return rng.nextInt(high); }
        };
    }
}
