package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.minigrid.MiniGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * traces.jsonl, twice: the recorded actions replayed through the wrapper (the world's state after
 * every step, the rewards, the final grid, and the crash flag where the trace itself determines
 * it), then each program run by the oracle, {@link MiniGridWalker}, which must reproduce every field of every step.
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

    @Test
    void programsReproduceEveryField() {
        List<JsonNode> traces = Vectors.lines("traces.jsonl");
        for (JsonNode trace : traces) {
            MiniGridTask task = MiniGridTasks.byName(trace.get("task").asText());
            long seed = trace.get("seed").asLong();
            ProgramWrapper wrapper = ProgramWrapper.of(task, seed);
            List<String> got = new ArrayList<>();
            List<MiniGridWorld> worlds = new ArrayList<>();
            wrapper.logTo(new MiniGridStepLog() {
                @Override
                public void action(Action a, MiniGridWorld w, double r, boolean t, int calls, boolean crashed) {
                    got.add(stepText(a.token(), w.agentX, w.agentY, w.agentDir, w.carryingText(), r, t, calls, crashed));
                    worlds.add(w.copy());
                }

                @Override
                public void condition(Feature f, int arg, boolean value, int calls, boolean crashed) {}
            });
            EpisodeResult result = new MiniGridWalker(wrapper)
                    .run(Parser.parse(trace.get("program").asText(), MiniGrid.VOCABULARY));
            List<String> want = new ArrayList<>();
            for (JsonNode s : trace.get("steps")) {
                want.add(stepText(s.get(0).asText(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt(),
                        s.get(4).isNull() ? null : s.get(4).asText(), s.get(5).asDouble(), s.get(6).asBoolean(),
                        s.get(7).asInt(), s.get(8).asBoolean()));
            }
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                int index = i;
                assertEquals(want.get(i), got.get(i),
                        () -> where(trace, index, null) + "\nworld after our step:\n" + worlds.get(index).describe());
            }
            assertEquals(want.size(), got.size(), where(trace, got.size(), null) + " number of steps");
            assertEquals(Vectors.strings(trace.get("final_grid")), wrapper.world().render(), where(trace, got.size(), null) + " final grid");
            assertTrue(trace.get("return").asDouble() == result.ret(), where(trace, got.size(), null) + " return " + result);
            assertEquals(trace.get("calls").asInt(), result.calls(), where(trace, got.size(), null) + " calls");
            assertEquals(trace.get("crashed").asBoolean(), result.crashed(), where(trace, got.size(), null) + " crashed");
        }
    }

    private static String stepText(String action, int x, int y, int dir, String carrying, double reward, boolean terminated,
            int calls, boolean crashed) {
        return action + " -> (" + x + "," + y + ") dir " + dir + " carrying " + carrying + " reward " + reward
                + (terminated ? " TERMINATED" : "") + " calls " + calls + (crashed ? " CRASHED" : "");
    }

    private static String where(JsonNode trace, int step, JsonNode stepLine) {
        return trace.get("task").asText() + " seed " + trace.get("seed").asLong() + " step " + step
                + (stepLine == null ? "" : " " + stepLine) + " program " + trace.get("program").asText();
    }
}
