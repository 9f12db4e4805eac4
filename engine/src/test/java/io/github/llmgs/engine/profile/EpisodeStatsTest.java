package io.github.llmgs.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeStatsTest {
    @Test
    void warpBalanceIsCallsOverLanesTimesTheLongestLane() {
        // warp 0: 4,4,4,4 (balanced); warp 1: 1,1,1,9 (12 / (4 x 9)); warp 2: no calls (counts as balanced)
        int[] calls = {4, 4, 4, 4, 1, 1, 1, 9, 0, 0, 0, 0};
        boolean[] limit = new boolean[12];
        limit[7] = true;
        EpisodeStats s = EpisodeStats.of(calls, limit, 4);
        assertEquals(12, s.episodes());
        assertEquals(4, s.lanes());
        // workload: (16 + 12 + 0) / (16 + 36 + 0)
        assertEquals(28.0 / 52.0, s.balance(), 1e-15);
        assertEquals((1.0 + 12.0 / 36.0 + 1.0) / 3, s.meanWarpBalance(), 1e-15);
        assertEquals(1.0 / 12, s.callLimitShare(), 1e-15);
        assertEquals(28.0 / 12, s.meanCalls(), 1e-15);
        assertEquals(9, s.maxCalls());
        // sorted: 0 0 0 0 1 1 1 4 4 4 4 9; nearest rank 50% -> rank 6 -> 1; 99% -> rank 12 -> 9
        assertEquals(1, s.medianCalls());
        assertEquals(9, s.p99Calls());
        // least balanced first; equal balances: the longer warp first, then by program
        assertEquals(List.of(new EpisodeStats.Warp(1, 12.0 / 36.0, 9, 12), new EpisodeStats.Warp(0, 1.0, 4, 16),
                new EpisodeStats.Warp(2, 1.0, 0, 0)), s.worstWarps());
    }

    @Test
    void nearestRankPercentiles() {
        int[] hundred = new int[100];
        for (int i = 0; i < 100; i++) hundred[i] = i + 1;
        assertEquals(50, EpisodeStats.percentile(hundred, 50));
        assertEquals(99, EpisodeStats.percentile(hundred, 99));
        assertEquals(100, EpisodeStats.percentile(hundred, 100));
        assertEquals(1, EpisodeStats.percentile(hundred, 0));
        assertEquals(1, EpisodeStats.percentile(hundred, 0.5));
        int[] odd = {1, 2, 3, 4, 5};
        assertEquals(3, EpisodeStats.percentile(odd, 50));
        assertEquals(5, EpisodeStats.percentile(odd, 99));
        assertEquals(0, EpisodeStats.percentile(new int[0], 50));
    }

    @Test
    void onlyTheFiveWorstWarpsAreListedAndPartialWarpsAreRefused() {
        int[] calls = new int[8 * 2];
        for (int p = 0; p < 8; p++) {
            calls[2 * p] = 10;
            calls[2 * p + 1] = p; // warp p: (10 + p) / 20
        }
        EpisodeStats s = EpisodeStats.of(calls, new boolean[16], 2);
        assertEquals(EpisodeStats.WORST, s.worstWarps().size());
        assertEquals(List.of(0, 1, 2, 3, 4), s.worstWarps().stream().map(EpisodeStats.Warp::program).toList());
        assertThrows(IllegalArgumentException.class, () -> EpisodeStats.of(new int[3], new boolean[3], 2));
    }

    @Test
    void idleShareIsWhatTheThreadsDidNotUseOfThreadsTimesWall() {
        TimeSplit t = new TimeSplit(2, 4.0, null, new double[] {3.0, 1.0});
        assertEquals(0.5, t.idleShare(), 1e-15);
        assertEquals(0.0, new TimeSplit(1, 1.0, null, null).idleShare());
    }
}
