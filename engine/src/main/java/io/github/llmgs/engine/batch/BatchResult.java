package io.github.llmgs.engine.batch;

import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.ExitStatus;

/**
 * Per program the mean return; with per-episode detail, arrays indexed
 * {@code program * instances + instance}.
 */
public final class BatchResult {
    /**
     * The "mean" of a program stopped early against its threshold: it is not above it. Minus
     * infinity, so that it compares as what it is, below the threshold and any score.
     */
    public static final double NOT_ABOVE = Double.NEGATIVE_INFINITY;
    /**
     * The "mean" of a program skipped because an earlier program of its group was above its
     * threshold ({@link BatchRequest#groups}): not known, and never to be read as a score.
     */
    public static final double SKIPPED = Double.NaN;

    /** Whether a mean is {@link #SKIPPED} (NaN never equals itself, so {@code ==} cannot tell). */
    public static boolean skipped(double mean) {
        return Double.isNaN(mean);
    }

    private final int programs;
    private final int instances;
    private final double[] means;
    private final double[] returns;
    private final int[] steps;
    private final int[] calls;
    private final boolean[] crashed;
    private final ExitStatus[] exits;
    /** Episodes run per program when a threshold stopped some early; null when all ran. */
    private int[] episodesRun;

    public BatchResult(int programs, int instances, double[] means, double[] returns, int[] steps, int[] calls,
                       boolean[] crashed) {
        this(programs, instances, means, returns, steps, calls, crashed, null);
    }

    public BatchResult(int programs, int instances, double[] means, double[] returns, int[] steps, int[] calls,
                       boolean[] crashed, ExitStatus[] exits) {
        this.exits = exits;
        this.programs = programs;
        this.instances = instances;
        this.means = means;
        this.returns = returns;
        this.steps = steps;
        this.calls = calls;
        this.crashed = crashed;
    }

    /**
     * A backend's result from per-episode arrays ({@code program * instances + instance}): the
     * means computed the one way every backend computes them; the arrays kept only on request.
     */
    public static BatchResult fromEpisodes(BatchRequest req, double[] returns, int[] steps, int[] calls, boolean[] crashed,
                                           ExitStatus[] exits) {
        return fromEpisodes(req, returns, steps, calls, crashed, exits, null, null, null);
    }

    /**
     * As above, where {@code stopped[k]} marks a program stopped against its threshold and
     * {@code skipped[k]} one skipped in its group, after {@code episodesRun[k]} episodes.
     */
    public static BatchResult fromEpisodes(BatchRequest req, double[] returns, int[] steps, int[] calls, boolean[] crashed,
                                           ExitStatus[] exits, boolean[] stopped, boolean[] skipped, int[] episodesRun) {
        int p = req.programs().size(), n = req.instances().size();
        double[] means = new double[p];
        for (int k = 0; k < p; k++) {
            means[k] = skipped != null && skipped[k] ? SKIPPED
                    : stopped != null && stopped[k] ? NOT_ABOVE : mean(returns, k * n, n);
        }
        BatchResult r = req.perEpisode() ? new BatchResult(p, n, means, returns, steps, calls, crashed, exits)
                : new BatchResult(p, n, means, null, null, null, null, null);
        r.episodesRun = episodesRun;
        return r;
    }

    /** The score as every backend computes it: returns summed in instance order, then divided. */
    public static double mean(double[] returns, int from, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += returns[from + i];
        }
        return sum / count;
    }

    public int programs() { return programs; }
    public int instances() { return instances; }
    public double mean(int program) { return means[program]; }
    public double[] means() { return means.clone(); }
    public boolean hasEpisodes() { return returns != null; }
    /** Episodes the backend ran per program: all instances, unless a threshold stopped it early. */
    public int[] episodesRun() {
        if (episodesRun != null) return episodesRun.clone();
        int[] all = new int[programs];
        java.util.Arrays.fill(all, instances);
        return all;
    }

    public Episode episode(int program, int instance) {
        if (returns == null) {
            throw new IllegalStateException("per-episode results were not requested");
        }
        int i = program * instances + instance;
        return new Episode(returns[i], steps[i], calls[i], crashed[i]);
    }

    /** How an episode's run ended (OK, WHILE_REPEAT, CALL_LIMIT), as every backend reports it. */
    public ExitStatus exit(int program, int instance) {
        if (exits == null) {
            throw new IllegalStateException("per-episode results were not requested");
        }
        return exits[program * instances + instance];
    }

    /** Sum of all calls, for throughput reports (needs per-episode results). */
    public long totalCalls() {
        long total = 0;
        if (calls != null) {
            for (int c : calls) total += c;
        }
        return total;
    }
}
