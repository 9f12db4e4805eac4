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

    /**
     * A stream whose {@code random_sample()} is a 53-bit integer over 2^53, as numpy's is (two
     * 32-bit words, 27 and 26 bits of them): a weighted choice reads the integer's top bits.
     */
    interface Bits extends Draws {
        /** The next {@code random_sample()} times 2^53: the same draw, as an integer below 2^53. */
        long randomBits();
    }

    /**
     * A stream that knows where it is and can be copied: the rest of a climbing step, whose
     * neighbours only move the stream on, can then be drawn by several threads from copies placed
     * ahead, and this stream skipped to where their draws meet its own (Mutator.Neighbourhood#skipRest).
     */
    interface Positioned extends Draws {
        /** Where the stream is, in words: each draw moves it on by the words it reads. */
        long position();

        /** An independent stream in this one's state. */
        Positioned copy();

        /** Moves on {@code words} words, as reading them would, without reading them. */
        void skip(long words);
    }

    /** Draws from a Java generator, for tests and tools that need no reference stream. */
    static Draws of(RandomGenerator rng) {
        return new Draws() {
            public double randomSample() { return rng.nextDouble(); }
            public int randint(int high) { return rng.nextInt(high); }
        };
    }
}
