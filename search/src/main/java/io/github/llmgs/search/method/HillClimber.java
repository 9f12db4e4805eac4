package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Draws;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import java.util.List;

/**
 * One climb as the reference runs it (spec/search.md section 6): evaluate the start program, then
 * up to {@link #MAX_STEPS} steps that each draw all k neighbours from the search's one stream
 * before evaluating any and move to the first strictly better one. The drawn neighbours are
 * scored in growing batches; the stream and the count are the sequential algorithm's whatever
 * the batch size, since every draw happens before any score is known. Only whether a neighbour
 * beats the current score matters until one does, so the step hands that score on as a threshold.
 */
public final class HillClimber {
    /** First batch of a climbing step; it doubles while no improvement turns up. */
    static final int FIRST_BATCH = 32;
    /** The reference's cap on the steps of one climb. */
    static final int MAX_STEPS = 10_000;

    private final SearchState state;
    private final Mutator mutator;
    private final Draws stream;
    private final int maxBatch;

    public HillClimber(SearchState state, Mutator mutator, Draws stream, int maxBatch) {
        this.state = state;
        this.mutator = mutator;
        this.stream = stream;
        this.maxBatch = maxBatch;
    }

    /** Climbs from {@code start} with k neighbours per step until a local maximum, 1.0 or the step cap. */
    public void climb(Node.Program start, int k) {
        double score = state.evaluate(start);
        if (Double.isNaN(score)) return;
        Node.Program current = start;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (score >= SearchState.SOLVED || state.cancelled()) return;
            List<Node.Program> neighbours = mutator.neighbours(current, k, stream);
            boolean improved = false;
            int batch = Math.min(FIRST_BATCH, maxBatch);
            for (int from = 0; from < k && !improved; ) {
                int to = Math.min(k, from + batch);
                double[] counted = state.evaluateInClimb(neighbours.subList(from, to), score);
                int last = counted.length - 1;
                if (last >= 0 && counted[last] > score) {
                    current = neighbours.get(from + last);
                    score = counted[last];
                    improved = true;
                } else if (counted.length < to - from) {
                    return; // cancelled
                }
                from = to;
                batch = Math.min(maxBatch, batch * 2);
            }
            if (!improved) return;
        }
    }
}
