package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Draws;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One climb as the reference runs it (spec/search.md section 6): evaluate the start program, then
 * up to {@link #MAX_STEPS} steps that each draw all k neighbours from the search's one stream
 * and move to the first strictly better one. The reference draws all k before scoring any;
 * scoring takes no draw, so here a chunk of drawn neighbours is scored (on a scoring thread) while
 * the next are drawn. Chunks grow from {@link #FIRST_BATCH}, doubling, whatever the timing, so the
 * stream, the count, the result and the programs sent are the sequential algorithm's with these
 * batches; only the engine no longer waits for the drawing. Only whether a neighbour beats the
 * current score matters until one does, so a chunk carries that score as its threshold, and the
 * engine may skip what follows the first one above it. A step that goes past its first
 * {@link #COVERAGE_AFTER} neighbours asks which nodes the current program's episodes reach: a
 * neighbour that replaced a node they never reach runs the same episodes, so it gets the current
 * score without being run.
 */
public final class HillClimber {
    /**
     * The first chunk of a step; it doubles while no improvement turns up. Small enough that the
     * engine starts early, large enough that runs sharing an engine fill its calls: a CPU backend
     * skips what follows a step's first improvement, so the neighbours past it cost little.
     */
    static final int FIRST_BATCH = 64;
    /**
     * Neighbours a step scores before it asks where the current program goes (from its second
     * chunk on): asking runs the program's episodes once more, which a step that ends in its
     * first chunk never repays.
     */
    static final int COVERAGE_AFTER = FIRST_BATCH;
    /** The reference's cap on the steps of one climb. */
    static final int MAX_STEPS = 10_000;

    /** Scoring threads, shared by all climbers; each climber has at most one chunk out. */
    private static final ExecutorService SCORING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llmgs-scoring");
        t.setDaemon(true);
        return t;
    });

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
            Mutator.Neighbourhood hood = mutator.neighbourhood(current, k, stream);
            boolean[] reached = null;
            boolean asked = false;
            Node.Program next = null;
            int batch = Math.min(FIRST_BATCH, maxBatch);
            for (int from = 0; from < k && next == null; ) {
                int to = Math.min(k, from + batch);
                if (hood.drawn() < to) hood.draw(to - hood.drawn()); // what the scoring left no time to draw
                if (from >= COVERAGE_AFTER && !asked) {
                    reached = state.reached(current);
                    asked = true;
                }
                List<Node.Program> chunk = hood.list().subList(from, to);
                double threshold = score;
                double[] known = unchanged(hood, from, to, reached, score);
                // the state is the scoring thread's until the chunk is answered; this one only draws
                Future<double[]> scoring = SCORING.submit(() -> state.evaluateInClimb(chunk, threshold, known));
                while (hood.drawn() < k && !scoring.isDone()) hood.draw(1);
                double[] counted = answer(scoring);
                int last = counted.length - 1;
                if (last >= 0 && counted[last] > score) {
                    next = chunk.get(last);
                    score = counted[last];
                } else if (counted.length < to - from) {
                    return; // cancelled
                }
                from = to;
                batch = Math.min(maxBatch, batch * 2);
            }
            if (next == null) return;
            hood.drawAll(); // the stream moves past all k, as the reference's does
            current = next;
        }
    }

    /**
     * The neighbours in [from, to) that replaced a node the current program's episodes never
     * reach: they run the very same episodes, so their score is the current one (NaN for the
     * others; null when the scorer cannot tell what is reached).
     */
    private static double[] unchanged(Mutator.Neighbourhood hood, int from, int to, boolean[] reached, double score) {
        if (reached == null) return null;
        double[] known = new double[to - from];
        for (int i = from; i < to; i++) known[i - from] = reached[hood.replaced(i)] ? Double.NaN : score;
        return known;
    }

    /**
     * A chunk's counted scores. The chunk is let finish even if this thread is interrupted, so
     * that the state is never touched by two threads; the interrupt is kept for the caller.
     */
    private static double[] answer(Future<double[]> scoring) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return scoring.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
