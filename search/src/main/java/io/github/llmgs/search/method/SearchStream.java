package io.github.llmgs.search.method;

import io.github.llmgs.engine.RandomState;

/**
 * The one random stream of a search (spec/search.md section 6): numpy's {@code RandomState(seed)}
 * after the reference's one {@code randint(1000000)} at seeding, whose value it throws away.
 */
public final class SearchStream {
    private SearchStream() {}

    public static RandomState of(long seed) {
        RandomState stream = new RandomState(seed);
        stream.randint(1000000);
        return stream;
    }
}
