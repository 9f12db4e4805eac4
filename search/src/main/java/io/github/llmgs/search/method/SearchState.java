package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.vm.Coverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The accounting of one search run (spec/search.md section 3): programs evaluated as the
 * sequential algorithm counts them, raw evaluations computed, the best program, and the curve of
 * (programs evaluated, best score). Stops at a score of 1.0 or exactly at the budget.
 */
public final class SearchState {
    public static final double SOLVED = 1.0;

    public record CurvePoint(long evaluated, double best) {}

    private final long budget;
    private final Scorer scorer;
    private final SearchListener listener;
    private final BooleanSupplier cancelled;
    private final long startNanos = System.nanoTime();
    private final List<CurvePoint> curve = new ArrayList<>();
    private long evaluated;
    private long raw;
    private Node.Program best;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private long bestFoundAt;

    public SearchState(long budget, Scorer scorer, SearchListener listener, BooleanSupplier cancelled) {
        if (budget <= 0) throw new IllegalArgumentException("budget must be > 0, got " + budget);
        this.budget = budget;
        this.scorer = scorer;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** True once the run must stop: solved, budget spent, or cancelled (Ctrl-C). */
    public boolean done() {
        return bestScore >= SOLVED || evaluated >= budget || cancelled.getAsBoolean();
    }

    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    public long remaining() {
        return Math.max(0, budget - evaluated);
    }

    /**
     * Scores candidates that the sequential algorithm would evaluate in this order, until
     * {@code stopAt} says to stop after one (e.g. the first improvement), the run is solved or
     * the budget is spent. Returns the scores of the candidates that counted; candidates after
     * the stop were computed (raw) but are not counted. The batch is cut to the budget first.
     */
    public double[] evaluateInOrder(List<Node.Program> candidates, StopRule stopAt) {
        return evaluate(candidates, stopAt, Double.NaN, (int) Math.min(candidates.size(), remaining()));
    }

    /**
     * As {@link #evaluateInOrder} inside a climb, where the reference does not check the budget
     * (spec/search.md section 6): every candidate may count, so a run may end past its budget.
     */
    public double[] evaluateInClimb(List<Node.Program> candidates, StopRule stopAt) {
        return evaluate(candidates, stopAt, Double.NaN, candidates.size());
    }

    /**
     * A climbing step's candidates, up to the first one above {@code threshold} (the climb's
     * current score, never above the best): only that one's score matters, so the others may
     * come back as {@link io.github.llmgs.engine.batch.BatchResult#NOT_ABOVE}, which changes
     * neither the best, nor the curve, nor where the step stops.
     */
    public double[] evaluateInClimb(List<Node.Program> candidates, double threshold) {
        return evaluateInClimb(candidates, threshold, null);
    }

    /**
     * As {@link #evaluateInClimb(List, double)}, where {@code known[i]} (NaN: not known; null:
     * none) is already the exact score of candidate i; it counts like any other.
     */
    public double[] evaluateInClimb(List<Node.Program> candidates, double threshold, double[] known) {
        return evaluateInClimb(candidates, threshold, known, null);
    }

    /** As above, where {@code knownReturns[i]} (null: none) holds candidate i's exact returns on some instances. */
    public double[] evaluateInClimb(List<Node.Program> candidates, double threshold, double[] known, double[][] knownReturns) {
        if (threshold > bestScore) throw new IllegalArgumentException("threshold " + threshold + " above the best score " + bestScore);
        return evaluate(candidates, (i, s) -> s > threshold, threshold, candidates.size(), known, knownReturns);
    }

    /** {@link Scorer#byInstance}: per instance, the nodes of {@code program} its episode reaches, or null. */
    public Coverage.ByInstance byInstance(Node.Program program) {
        return scorer.byInstance(program);
    }

    /** {@link Scorer#reached}: which nodes of {@code program} the run's episodes reach, or null. */
    public boolean[] reached(Node.Program program) {
        return scorer.reached(program);
    }

    private double[] evaluate(List<Node.Program> candidates, StopRule stopAt, double threshold, int n) {
        return evaluate(candidates, stopAt, threshold, n, null, null);
    }

    private double[] evaluate(List<Node.Program> candidates, StopRule stopAt, double threshold, int n, double[] known,
                              double[][] knownReturns) {
        if (n == 0 || cancelled.getAsBoolean()) return new double[0];
        List<Node.Program> batch = candidates.subList(0, n);
        double[] scores = Double.isNaN(threshold) ? scorer.scores(batch) : scorer.scores(batch, threshold, known, knownReturns);
        raw += n;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            counted++;
            listener.evaluated(evaluated, batch.get(i), scores[i]);
            evaluated++;
            observe(batch.get(i), scores[i]);
            if (stopAt.stopAfter(i, scores[i]) || bestScore >= SOLVED) break;
        }
        listener.progress(this);
        return java.util.Arrays.copyOf(scores, counted);
    }

    /** Scores one program (counts one evaluation) regardless of the budget; NaN if cancelled. */
    public double evaluate(Node.Program program) {
        double[] s = evaluateInClimb(List.of(program), (i, score) -> false);
        return s.length == 0 ? Double.NaN : s[0];
    }

    public interface StopRule {
        boolean stopAfter(int index, double score);
    }

    private void observe(Node.Program program, double score) {
        if (score > bestScore) {
            bestScore = score;
            best = program;
            bestFoundAt = evaluated;
            curve.add(new CurvePoint(evaluated, score));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("evaluated", evaluated);
            f.put("score", score);
            f.put("program", Printer.print(program));
            listener.event("new_best", f);
        }
    }

    public void event(String type, Map<String, Object> fields) {
        listener.event(type, fields);
    }

    public long evaluated() { return evaluated; }
    public long raw() { return raw; }
    public long budget() { return budget; }
    public Node.Program best() { return best; }
    public double bestScore() { return bestScore; }
    public long bestFoundAt() { return bestFoundAt; }
    public List<CurvePoint> curve() { return List.copyOf(curve); }
    public double elapsedSeconds() { return (System.nanoTime() - startNanos) / 1e9; }
}
