package io.github.llmgs.search.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The figures' data: per task and method, the mean of the seeds' step functions and a band, on
 * a common grid. The grid is every point where some seed's curve changes, so the mean (itself a
 * step function) is exact between grid points. It starts where every seed has a score (the
 * latest first row: before that the mean would average a different set of seeds) and ends at
 * the longest run's programs_evaluated; a run that stopped earlier (solved, or a batch short of
 * the others) holds its final best, which is final.
 */
public final class Curves {
    private Curves() {}

    /**
     * One method's curve on one task; {@code x[i]} is a grid point and {@code mean[i]},
     * {@code low[i]}, {@code high[i]} hold from {@code x[i]} up to {@code x[i+1]}.
     */
    public record MethodCurve(String method, int seeds, double[] x, double[] mean, double[] low, double[] high) {
        public double end() {
            return x[x.length - 1];
        }
    }

    /** A task's figure: one curve per method, methods sorted. */
    public record TaskCurves(String task, List<MethodCurve> methods) {
        public int minSeeds() {
            return methods.stream().mapToInt(MethodCurve::seeds).min().orElse(0);
        }

        public int maxSeeds() {
            return methods.stream().mapToInt(MethodCurve::seeds).max().orElse(0);
        }
    }

    public static TaskCurves task(String task, List<RunCurve> runs, Band band) {
        Map<String, List<RunCurve>> byMethod = new LinkedHashMap<>();
        runs.stream().filter(r -> r.task().equals(task))
                .sorted(java.util.Comparator.comparing(RunCurve::method))
                .forEach(r -> byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r));
        if (byMethod.isEmpty()) throw new PlotException("no finished runs of task " + task);
        List<MethodCurve> curves = new ArrayList<>();
        byMethod.forEach((m, rs) -> curves.add(method(m, rs, band)));
        return new TaskCurves(task, List.copyOf(curves));
    }

    public static MethodCurve method(String method, List<RunCurve> runs, Band band) {
        double[] x = grid(runs);
        double[] mean = new double[x.length], low = new double[x.length], high = new double[x.length];
        double[] v = new double[runs.size()];
        for (int i = 0; i < x.length; i++) {
            for (int r = 0; r < v.length; r++) v[r] = runs.get(r).valueAt(x[i]);
            Stats s = Stats.of(v);
            mean[i] = s.mean;
            if (band == Band.MINMAX) {
                low[i] = s.min;
                high[i] = s.max;
            } else {
                low[i] = s.mean - s.stderr;
                high[i] = s.mean + s.stderr;
            }
        }
        return new MethodCurve(method, runs.size(), x, mean, low, high);
    }

    /** The latest first row, every change point after it, and the longest run's end. */
    static double[] grid(List<RunCurve> runs) {
        long start = runs.stream().mapToLong(RunCurve::first).max().orElseThrow();
        long end = runs.stream().mapToLong(RunCurve::end).max().orElseThrow();
        TreeSet<Long> points = new TreeSet<>();
        points.add(start);
        points.add(end);
        for (RunCurve r : runs) {
            for (long e : r.evaluated()) {
                if (e > start && e <= end) points.add(e);
            }
        }
        return points.stream().mapToDouble(Long::doubleValue).toArray();
    }

    private record Stats(double mean, double stderr, double min, double max) {
        static Stats of(double[] v) {
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                sum += d;
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            double mean = sum / v.length;
            double ss = 0;
            for (double d : v) ss += (d - mean) * (d - mean);
            // one seed has no spread to show: its band is the line itself
            double stderr = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) / Math.sqrt(v.length) : 0;
            return new Stats(mean, stderr, min, max);
        }
    }
}
