package io.github.llmgs.engine.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Balance and divergence of one pass's episodes, from each episode's calls (indexed
 * {@code program * lanes + instance}) and whether it hit the call limit.
 *
 * <p>A warp is one program's {@code lanes} instances (32: one NVIDIA warp), which run the same
 * bytecode side by side and finish when their longest lane does. A warp's balance is its calls
 * summed over lanes / (lanes x its longest lane's calls): 1 when every lane does equal work. The
 * workload's balance is the same ratio over all warps together (calls summed / lanes x longest
 * lanes summed), i.e. warps weighted by their length; a warp where no lane makes a call counts
 * as balanced. Percentiles are nearest-rank: the p-th is the smallest value with at least p% of
 * the episodes at or below it (the median is the 50th).
 */
public record EpisodeStats(long episodes, int lanes, double meanCalls, long medianCalls, long p99Calls, long maxCalls,
                           double callLimitShare, double balance, double meanWarpBalance, List<Warp> worstWarps) {
    /** How many of the least balanced warps are listed. */
    public static final int WORST = 5;

    /** One program's lanes: its balance, its longest lane and its calls summed over lanes. */
    public record Warp(int program, double balance, long maxCalls, long calls) {}

    public static EpisodeStats of(int[] calls, boolean[] callLimit, int lanes) {
        if (lanes < 1) throw new IllegalArgumentException("lanes must be >= 1");
        if (calls.length % lanes != 0) throw new IllegalArgumentException(calls.length + " episodes are not whole warps of " + lanes);
        if (callLimit.length != calls.length) throw new IllegalArgumentException("one call-limit flag per episode");
        int n = calls.length;
        long sum = 0, limited = 0, sumLongest = 0;
        double warpBalances = 0;
        List<Warp> warps = new ArrayList<>(n / lanes);
        for (int p = 0; p < n / lanes; p++) {
            long warpSum = 0, longest = 0;
            for (int i = p * lanes; i < (p + 1) * lanes; i++) {
                warpSum += calls[i];
                longest = Math.max(longest, calls[i]);
                if (callLimit[i]) limited++;
            }
            sum += warpSum;
            sumLongest += longest * lanes;
            double b = warpBalance(warpSum, longest, lanes);
            warpBalances += b;
            warps.add(new Warp(p, b, longest, warpSum));
        }
        warps.sort(Comparator.comparingDouble(Warp::balance).thenComparing(Comparator.comparingLong(Warp::maxCalls).reversed())
                .thenComparingInt(Warp::program));
        int[] sorted = calls.clone();
        Arrays.sort(sorted);
        return new EpisodeStats(n, lanes, n == 0 ? 0 : (double) sum / n, percentile(sorted, 50), percentile(sorted, 99),
                n == 0 ? 0 : sorted[n - 1], n == 0 ? 0 : (double) limited / n, warpBalance(sum, sumLongest, 1),
                warps.isEmpty() ? 1 : warpBalances / warps.size(), List.copyOf(warps.subList(0, Math.min(WORST, warps.size()))));
    }

    static double warpBalance(long sum, long longest, int lanes) {
        return longest == 0 ? 1.0 : (double) sum / ((double) longest * lanes);
    }

    /** Nearest-rank percentile of ascending {@code sorted}: the value at rank ceil(p/100 x n); 0 when empty. */
    public static long percentile(int[] sorted, double p) {
        if (sorted.length == 0) return 0;
        if (p <= 0) return sorted[0];
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
