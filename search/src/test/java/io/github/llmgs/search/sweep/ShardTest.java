package io.github.llmgs.search.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void theShardsSplitThePlanByPositionModuloTheirCount() {
        List<Integer> plan = IntStream.range(0, 10).boxed().toList();
        assertEquals(List.of(0, 3, 6, 9), Shard.parse("0/3").select(plan));
        assertEquals(List.of(1, 4, 7), Shard.parse("1/3").select(plan));
        assertEquals(List.of(2, 5, 8), Shard.parse(" 2 / 3 ").select(plan));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Shard s = new Shard(i, 4);
            all.addAll(s.select(plan));
            for (int p : s.select(plan)) assertEquals(true, s.owns(p));
        }
        all.sort(null);
        assertEquals(plan, all, "every run in exactly one shard");
        assertEquals(List.of(), new Shard(5, 6).select(List.of(1, 2)), "more shards than runs: some are empty");
        assertEquals("1/3", Shard.parse("1/3").toString());
    }

    @Test
    void badShardsSayWhatIsExpected() {
        assertEquals("expected I/N (shard I of N, from 0), got '3'",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("3")).getMessage());
        assertEquals("expected I/N (shard I of N, from 0), got '1/2/3'",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("1/2/3")).getMessage());
        assertEquals("I must be 0..1 for N = 2, got '-1/2'",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("-1/2")).getMessage());
        assertEquals("N must be >= 1, got '0/0'", assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Shard(2, 2));
    }
}
