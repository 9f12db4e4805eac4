package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * One HC run (spec/search.md section 3) on the batch engine: neighbours are scored speculatively
 * in batches and the first strictly better one in order is taken, so the accepted path and the
 * count of programs evaluated are the sequential algorithm's. Neighbour i of the whole search
 * draws from stream (seed, NEIGHBOUR, i), i counting only neighbours the sequential algorithm
 * drew, so the batch size changes compute, never results.
 */
public final class HillClimber {
    /** First speculative batch of a climbing step; it doubles while no improvement turns up. */
    static final int FIRST_BATCH = 32;

    private final SearchState state;
    private final Mutator mutator;
    private final long seed;
    private final int maxBatch;
    private long neighbours;

    public HillClimber(SearchState state, Mutator mutator, long seed, int maxBatch) {
        this.state = state;
        this.mutator = mutator;
        this.seed = seed;
        this.maxBatch = maxBatch;
    }

    /** Climbs from {@code start} with k neighbours per step until a local maximum or the end. */
    public void climb(Node.Program start, int k) {
        double score = state.evaluate(start);
        if (Double.isNaN(score)) return;
        Node.Program current = start;
        while (!state.done()) {
            int drawn = 0;
            int speculative = Math.min(FIRST_BATCH, maxBatch);
            boolean improved = false;
            while (drawn < k && !state.done()) {
                int b = Math.min(speculative, k - drawn);
                List<Node.Program> candidates = new ArrayList<>(b);
                for (int j = 0; j < b; j++) {
                    candidates.add(mutator.mutate(current, Streams.of(seed, Streams.NEIGHBOUR, neighbours + j)));
                }
                double threshold = score;
                double[] counted = state.evaluateInOrder(candidates, (i, s) -> s > threshold);
                neighbours += counted.length;
                drawn += counted.length;
                int last = counted.length - 1;
                if (last >= 0 && counted[last] > score) {
                    current = candidates.get(last);
                    score = counted[last];
                    improved = true;
                    break;
                }
                if (counted.length < b) break;
                speculative = Math.min(maxBatch, speculative * 2);
            }
            if (!improved) return;
        }
    }
}
