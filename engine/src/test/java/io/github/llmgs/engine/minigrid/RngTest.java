package io.github.llmgs.engine.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SeedSequence, PCG64 and Generator.integers against every line of rng.jsonl. */
class RngTest {
    /**
     * Through {@link MiniGridConformance}: 5 generator_draws lines (SeedSequence pool and state,
     * PCG64 state, raw outputs, 60 integers calls each) and 96 reset_calls lines (every call each
     * task's reset makes, in order).
     */
    @Test
    void everyLineMatches() {
        List<JsonNode> lines = Vectors.lines("rng.jsonl");
        assertEquals(5, lines.stream().filter(l -> l.get("kind").asText().equals("generator_draws")).count());
        assertEquals(96, lines.stream().filter(l -> l.get("kind").asText().equals("reset_calls")).count());
        assertEquals(982, lines.stream().filter(l -> l.get("kind").asText().equals("reset_calls"))
                .mapToInt(l -> l.get("calls").size()).sum(), "integers calls over all resets");
        Vectors.assertCounts(Vectors.check("rng.jsonl"), 5 + 96);
    }

    @Test
    void zeroWidthRangesDrawNothing() {
        Generator a = new Generator(7);
        Generator b = new Generator(7);
        assertEquals(5, a.integers(5, 6));
        assertEquals(-3, a.integers(-3, -2));
        assertEquals(b.bits().next64(), a.bits().next64());
    }

    @Test
    void theThirtyTwoBitBufferOutlivesSixtyFourBitDraws() {
        Pcg64 a = new Pcg64(1);
        Pcg64 b = new Pcg64(1);
        long first = b.next64();
        long second = b.next64();
        assertEquals(first & 0xFFFFFFFFL, a.next32());
        assertEquals(second, a.next64());
        assertEquals(first >>> 32, a.next32());
    }

    @Test
    void emptyRangesAndNegativeSeedsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Generator(0).integers(3, 3));
        assertThrows(IllegalArgumentException.class, () -> new SeedSequence(-1));
    }
}
