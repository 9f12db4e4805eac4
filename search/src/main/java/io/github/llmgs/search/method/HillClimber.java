package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Draws;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.vm.Coverage;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One climb as the reference runs it (spec/search.md section 6): evaluate the start program, then
 * up to {@link #MAX_STEPS} steps that each draw all k neighbours from the search's one stream
 * and move to the first strictly better one. The reference draws all k before scoring any;
 * scoring takes no draw, so here a chunk of drawn neighbours is scored (on a scoring thread) while
 * the next are drawn. Chunks grow from {@link #FIRST_BATCH}, doubling, whatever the timing, so the
 * stream, the count, the result and the programs sent are the sequential algorithm's with these
 * batches; only the engine no longer waits for the drawing. Only whether a neighbour beats the
 * current score matters until one does, so a chunk carries that score as its threshold, and the
 * engine may skip what follows the first one above it. Once a step has scored
 * {@link #COVERAGE_AFTER} neighbours (none, now) it asks which nodes the current program's episodes reach: a
 * neighbour that replaced a node they never reach runs the same episodes, so it gets the current
 * score without being run; and on an instance whose episode never reaches the replaced node, a
 * neighbour runs that very episode, so its return there is handed in, not computed. A step that
 * moves on still moves the stream past all k; the neighbours it did not draw are drawn only for
 * that, so free cores draw their far part from copies of the stream placed ahead, and the stream
 * skips to where the two meet ({@link Mutator.Neighbourhood#skipRest}: the same position exactly).
 */
public final class HillClimber {
    /**
     * The first chunk of a step; it doubles while no improvement turns up. Small enough that the
     * engine starts early, large enough that runs sharing an engine fill its calls: a CPU backend
     * skips what follows a step's first improvement, so the neighbours past it cost little.
     */
    static final int FIRST_BATCH = 64;
    /**
     * Neighbours a step scores before it asks where the current program goes. Asking runs the
     * program's episodes once more; since the answer is per instance, most neighbours of the
     * first chunk already skip a few episodes, which repays it (measured on DoorKey: 11% fewer
     * episodes in all, the asking included, against 4% when asked from the second chunk).
     */
    static final int COVERAGE_AFTER = 0;
    /** The reference's cap on the steps of one climb. */
    static final int MAX_STEPS = 10_000;

    /**
     * Threads that draw the far part of a step's rest once the step has moved on
     * ({@link Mutator.Neighbourhood#skipRest}): a core the engine leaves idle meanwhile, one fewer
     * than the machine's, shared by all climbers, each taking what is free.
     */
    private static final int SCOUTS = Math.min(7, Runtime.getRuntime().availableProcessors() - 1);
    private static final Semaphore FREE_SCOUTS = new Semaphore(SCOUTS);
    private static final ExecutorService SCOUTING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llmgs-scout");
        t.setDaemon(true);
        return t;
    });

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
            Reach reach = null;
            boolean asked = false;
            Node.Program next = null;
            int batch = Math.min(FIRST_BATCH, maxBatch);
            for (int from = 0; from < k && next == null; ) {
                int to = Math.min(k, from + batch);
                if (hood.drawn() < to) hood.draw(to - hood.drawn()); // what the scoring left no time to draw
                if (from >= COVERAGE_AFTER && !asked) {
                    reach = Reach.of(state, current);
                    asked = true;
                }
                List<Node.Program> chunk = hood.list().subList(from, to);
                double threshold = score;
                double[] known = unchanged(hood, from, to, reach, score);
                double[][] knownReturns = unchangedEpisodes(hood, from, to, reach, known);
                // the state is the scoring thread's until the chunk is answered; this one only draws
                Future<double[]> scoring = SCORING.submit(() -> state.evaluateInClimb(chunk, threshold, known, knownReturns));
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
            skipRest(hood); // the stream moves past all k, as the reference's does
            current = next;
        }
    }

    /** Moves the stream past the step's undrawn neighbours, with the scouts that are free. */
    private static void skipRest(Mutator.Neighbourhood hood) {
        int taken = 0;
        for (int wanted = hood.scoutsWanted(SCOUTS); taken < wanted && FREE_SCOUTS.tryAcquire(); ) taken++;
        try {
            hood.skipRest(SCOUTING, taken);
        } finally {
            FREE_SCOUTS.release(taken);
        }
    }

    /**
     * Where the current program's episodes go: the nodes some episode reaches, and where the
     * scorer tells it, per instance the nodes that instance's episode reaches and its return.
     */
    private record Reach(boolean[] anywhere, Coverage.ByInstance byInstance) {
        static Reach of(SearchState state, Node.Program program) {
            Coverage.ByInstance by = state.byInstance(program);
            if (by != null) return new Reach(by.anywhere(), by);
            boolean[] anywhere = state.reached(program);
            return anywhere == null ? null : new Reach(anywhere, null);
        }
    }

    /**
     * The neighbours in [from, to) that replaced a node the current program's episodes never
     * reach: they run the very same episodes, so their score is the current one (NaN for the
     * others; null when the scorer cannot tell what is reached).
     */
    private static double[] unchanged(Mutator.Neighbourhood hood, int from, int to, Reach reach, double score) {
        if (reach == null) return null;
        double[] known = new double[to - from];
        for (int i = from; i < to; i++) known[i - from] = reach.anywhere()[hood.replaced(i)] ? Double.NaN : score;
        return known;
    }

    /**
     * For the other neighbours in [from, to), the instances whose episode of the current program
     * never reaches the node they replaced: there they run that very episode, so their return is
     * its return (a row per neighbour, NaN elsewhere; null rows where none is known, and null when
     * the scorer cannot tell per instance).
     */
    private static double[][] unchangedEpisodes(Mutator.Neighbourhood hood, int from, int to, Reach reach, double[] known) {
        if (reach == null || reach.byInstance() == null) return null;
        boolean[][] reachedOn = reach.byInstance().reachedOn();
        double[] returns = reach.byInstance().returns();
        double[][] rows = new double[to - from][];
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(known[i - from])) continue; // its score is known already
            boolean[] on = reachedOn[hood.replaced(i)];
            double[] row = null;
            for (int e = 0; e < on.length; e++) {
                if (on[e]) continue;
                if (row == null) {
                    row = new double[on.length];
                    java.util.Arrays.fill(row, Double.NaN);
                }
                row[e] = returns[e];
            }
            rows[i - from] = row;
            any |= row != null;
        }
        return any ? rows : null;
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
