package io.github.llmgs.engine.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.dsl.minigrid.MiniGrid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** traces.jsonl on the bytecode VM: every field of every step, the final grid, return, calls and crash flag. */
class MiniGridVmTracesTest {
    @Test
    void programsReproduceEveryFieldOnTheVm() {
        List<JsonNode> traces = Vectors.lines("traces.jsonl");
        assertEquals(156, traces.size());
        int steps = 0;
        for (JsonNode trace : traces) {
            MiniGridTask task = MiniGridTasks.byName(trace.get("task").asText());
            long seed = trace.get("seed").asLong();
            String where = task.name() + " seed " + seed + " program " + trace.get("program").asText();
            List<String> got = new ArrayList<>();
            MiniGridVmWorld[] last = new MiniGridVmWorld[1];
            EpisodeResult result = MiniGridCpu.run(Parser.parse(trace.get("program").asText(), MiniGrid.VOCABULARY), task,
                    seed, ProgramWrapper.DEFAULT_MAX_CALLS, new MiniGridStepLog() {
                        @Override
                        public void action(Action a, MiniGridWorld w, double r, boolean t, int calls, boolean crashed) {
                            got.add(a.token() + " -> (" + w.agentX + "," + w.agentY + ") dir " + w.agentDir + " carrying "
                                    + w.carryingText() + " reward " + r + (t ? " TERMINATED" : "") + " calls " + calls
                                    + (crashed ? " CRASHED" : "") + "\n" + String.join("\n", w.render()));
                        }

                        @Override
                        public void condition(Feature f, int arg, boolean value, int calls, boolean crashed) {}
                    });
            List<String> want = new ArrayList<>();
            for (JsonNode s : trace.get("steps")) {
                want.add(s.get(0).asText() + " -> (" + s.get(1).asInt() + "," + s.get(2).asInt() + ") dir " + s.get(3).asInt()
                        + " carrying " + (s.get(4).isNull() ? null : s.get(4).asText()) + " reward " + s.get(5).asDouble()
                        + (s.get(6).asBoolean() ? " TERMINATED" : "") + " calls " + s.get(7).asInt()
                        + (s.get(8).asBoolean() ? " CRASHED" : ""));
            }
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                String step = got.get(i);
                int index = i;
                assertEquals(want.get(i), step.substring(0, step.indexOf('\n')),
                        () -> where + " step " + index + "\nworld after the VM's step:\n" + step);
            }
            assertEquals(want.size(), got.size(), where + " number of steps");
            if (!got.isEmpty()) {
                String finalGrid = got.get(got.size() - 1);
                assertEquals(String.join("\n", Vectors.strings(trace.get("final_grid"))),
                        finalGrid.substring(finalGrid.indexOf('\n') + 1), where + " final grid");
            }
            assertTrue(trace.get("return").asDouble() == result.ret(), where + " return " + result);
            assertEquals(trace.get("calls").asInt(), result.calls(), where + " calls");
            assertEquals(trace.get("crashed").asBoolean(), result.crashed(), where + " crashed");
            steps += got.size();
        }
        assertEquals(19_454, steps);
    }
}
