package io.github.llmgs.engine.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SeedSequence, PCG64 and Generator.integers against every line of rng.jsonl. */
class RngTest {
    private static List<JsonNode> lines(String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode line : Vectors.lines("rng.jsonl")) {
            if (line.get("kind").asText().equals(kind)) out.add(line);
        }
        return out;
    }

    private static String hex128(long hi, long lo) {
        return String.format("%016x%016x", hi, lo);
    }

    @Test
    void generatorDrawsMatchEveryLine() {
        List<JsonNode> lines = lines("generator_draws");
        assertEquals(5, lines.size());
        for (JsonNode line : lines) {
            long seed = line.get("seed").asLong();
            String where = "seed " + seed;
            SeedSequence seq = new SeedSequence(seed);
            long[] pool = seq.pool();
            for (int i = 0; i < 4; i++) {
                assertEquals(line.get("seedseq_pool_u32").get(i).asLong(), pool[i], where + " pool[" + i + "]");
            }
            int[] state = seq.generateState(8);
            for (int i = 0; i < 8; i++) {
                assertEquals(line.get("generate_state_u32x8").get(i).asLong(), state[i] & 0xFFFFFFFFL,
                        where + " generate_state[" + i + "]");
            }
            Pcg64 pcg = new Pcg64(seed);
            assertEquals(line.get("pcg64_state_hex").asText(), hex128(pcg.stateHi(), pcg.stateLo()), where + " state");
            assertEquals(line.get("pcg64_inc_hex").asText(), hex128(pcg.incHi(), pcg.incLo()), where + " inc");
            int i = 0;
            for (JsonNode want : line.get("next_uint64_hex")) {
                assertEquals(want.asText(), String.format("%016x", pcg.next64()), where + " next64 #" + i++);
            }
            Pcg64 fresh = new Pcg64(seed);
            i = 0;
            for (JsonNode want : line.get("next_uint32_hex")) {
                assertEquals(want.asText(), String.format("%08x", fresh.next32()), where + " next32 #" + i++);
            }
            Generator rng = new Generator(seed);
            i = 0;
            assertEquals(60, line.get("integers").size(), where);
            for (JsonNode call : line.get("integers")) {
                long low = call.get(0).asLong();
                long high = call.get(1).asLong();
                assertEquals(call.get(2).asLong(), rng.integers(low, high),
                        where + " integers #" + i++ + " (" + low + ", " + high + ")");
            }
        }
    }

    /** Each reset's RNG calls, in order, made by the task generators themselves. */
    @Test
    void resetCallsMatchEveryTaskAndSeed() {
        List<JsonNode> lines = lines("reset_calls");
        assertEquals(96, lines.size());
        int calls = 0;
        for (JsonNode line : lines) {
            MiniGridTask task = MiniGridTasks.byName(line.get("task").asText());
            long seed = line.get("seed").asLong();
            List<String> got = new ArrayList<>();
            Generator rng = new Generator(seed);
            rng.logCalls((low, high, result) -> got.add("integers [" + low + ", " + high + "] " + result));
            MiniGridWorld.generate(task, rng);
            List<String> want = new ArrayList<>();
            for (JsonNode call : line.get("calls")) {
                assertEquals("integers", call.get(0).asText());
                want.add("integers [" + call.get(1).get(0).asLong() + ", " + call.get(1).get(1).asLong() + "] "
                        + call.get(2).asLong());
            }
            assertEquals(want, got, task.name() + " seed " + seed);
            calls += want.size();
        }
        assertEquals(982, calls, "integers calls over all resets");
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
