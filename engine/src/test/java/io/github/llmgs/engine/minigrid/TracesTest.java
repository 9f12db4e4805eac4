package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * traces.jsonl, twice: the recorded actions replayed through the wrapper (the world's state after
 * every step, the rewards, the final grid, and the crash flag where the trace itself determines
 * it), then each program run by the oracle, {@link MiniGridWalker}, through {@link MiniGridConformance},
 * which must reproduce every field of every step.
 */
class TracesTest {
    private static final int MAX_CALLS = 1000;

    @Test
    void replayedActionsReproduceEveryStep() {
        List<JsonNode> traces = Vectors.lines("traces.jsonl");
        assertEquals(156, traces.size());
        int steps = 0;
        for (JsonNode trace : traces) {
            MiniGridTask task = MiniGridTasks.byName(trace.get("task").asText());
            long seed = trace.get("seed").asLong();
            ProgramWrapper wrapper = ProgramWrapper.of(task, seed);
            MiniGridWorld w = wrapper.world();
            int previousCalls = 0;
            int i = 0;
            for (JsonNode step : trace.get("steps")) {
                int index = i;
                Supplier<String> where = () -> where(trace, index, step);
                MiniGridWorld before = w.copy();
                wrapper.act(Arguments.action(step.get(0).asText()));
                Supplier<String> worlds = () -> "\nbefore:\n" + before.describe() + "\nafter:\n" + w.describe();
                assertEquals(step.get(1).asInt(), w.agentX, () -> where.get() + " x" + worlds.get());
                assertEquals(step.get(2).asInt(), w.agentY, () -> where.get() + " y" + worlds.get());
                assertEquals(step.get(3).asInt(), w.agentDir, () -> where.get() + " dir" + worlds.get());
                assertEquals(step.get(4).isNull() ? null : step.get(4).asText(), w.carryingText(),
                        () -> where.get() + " carrying" + worlds.get());
                assertTrue(step.get(5).asDouble() == w.reward,
                        () -> where.get() + " reward want " + step.get(5).asDouble() + " got " + w.reward + worlds.get());
                assertEquals(step.get(6).asBoolean(), w.terminated, () -> where.get() + " terminated" + worlds.get());
                // conditions evaluated between actions are not in the trace, so calls only grow
                int calls = step.get(7).asInt();
                assertTrue(calls > previousCalls, () -> where.get() + " num_calls must grow with every action");
                previousCalls = calls;
                // a loop-repeat crash yields no further action, so a recorded step is crashed exactly
                // when it terminated or its own call reached the limit
                assertEquals(step.get(8).asBoolean(), step.get(6).asBoolean() || calls >= MAX_CALLS,
                        () -> where.get() + " crashed rule");
                assertEquals(step.get(8).asBoolean(), wrapper.crashed() || calls >= MAX_CALLS, () -> where.get() + " crashed");
                i++;
                steps++;
            }
            assertEquals(Vectors.strings(trace.get("final_grid")), w.render(),
                    where(trace, i, null) + " final grid\nwant:\n" + String.join("\n", Vectors.strings(trace.get("final_grid")))
                            + "\ngot:\n" + w.describe());
            assertTrue(trace.get("return").asDouble() == wrapper.result().ret(), where(trace, i, null) + " return");
        }
        assertEquals(19_454, steps);
    }

    /** Each program run by the oracle through {@link MiniGridConformance}: every step, then each trace's end. */
    @Test
    void programsReproduceEveryField() {
        Vectors.assertCounts(Vectors.check("traces.jsonl"), 19_454 + 156);
    }

    private static String where(JsonNode trace, int step, JsonNode stepLine) {
        return trace.get("task").asText() + " seed " + trace.get("seed").asLong() + " step " + step
                + (stepLine == null ? "" : " " + stepLine) + " program " + trace.get("program").asText();
    }
}
