package io.github.llmgs.engine.minigrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.minigrid.MiniGrid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every episode of episodes.jsonl (445 programs x 32 seeds) on the bytecode VM
 * ({@link MiniGridCpu#run}, {@link MiniGridVmWorld}): return (exact), steps, calls, crash flag
 * and terminated flag; then the batch evaluator's means against the vectors' for every program.
 */
class MiniGridVmEpisodesTest {
    @Test
    void everyEpisodeMatchesOnTheVm() {
        List<JsonNode> lines = Vectors.lines("episodes.jsonl");
        assertEquals(445, lines.size());
        List<String> failures = new ArrayList<>();
        int episodes = 0;
        for (JsonNode line : lines) {
            MiniGridTask task = MiniGridTasks.byName(line.get("task").asText());
            String program = line.get("program").asText();
            Node.Program parsed = Parser.parse(program, MiniGrid.VOCABULARY);
            JsonNode seeds = line.get("seeds");
            for (int k = 0; k < seeds.size(); k++) {
                long seed = seeds.get(k).asLong();
                EpisodeResult got = MiniGridCpu.run(parsed, task, seed, ProgramWrapper.DEFAULT_MAX_CALLS, null);
                EpisodeResult want = new EpisodeResult(line.get("returns").get(k).asDouble(), line.get("steps").get(k).asInt(),
                        line.get("calls").get(k).asInt(), line.get("crashed").get(k).asBoolean(),
                        line.get("terminated").get(k).asBoolean());
                if (!want.equals(got) && failures.size() < 20) {
                    failures.add(task.name() + " seed " + seed + " " + program + "\n  want " + want + "\n  got  " + got
                            + "\n  start:\n" + MiniGridWorld.generate(task, seed).describe());
                }
                episodes++;
            }
        }
        assertTrue(failures.isEmpty(), "episodes differ on the VM (first 20):\n" + String.join("\n", failures));
        assertEquals(14_240, episodes);
    }

    /** The batch evaluator, on two threads, gives every program's mean exactly (multiples of 0.5 over 32 seeds). */
    @Test
    void batchMeansMatchTheVectors() {
        List<JsonNode> lines = Vectors.lines("episodes.jsonl");
        for (MiniGridTask task : MiniGridTasks.ALL) {
            List<Node.Program> programs = new ArrayList<>();
            List<Double> want = new ArrayList<>();
            long[] seeds = null;
            for (JsonNode line : lines) {
                if (!line.get("task").asText().equals(task.name())) continue;
                long[] s = new long[line.get("seeds").size()];
                for (int k = 0; k < s.length; k++) s[k] = line.get("seeds").get(k).asLong();
                if (seeds == null) seeds = s;
                if (!java.util.Arrays.equals(seeds, s)) continue;
                programs.add(Parser.parse(line.get("program").asText(), MiniGrid.VOCABULARY));
                want.add(line.get("mean").asDouble());
            }
            assertTrue(programs.size() > 100, task.name() + ": " + programs.size());
            try (MiniGridCpu cpu = new MiniGridCpu(2)) {
                assertArrayEquals(want.stream().mapToDouble(Double::doubleValue).toArray(),
                        cpu.means(task, programs, seeds, ProgramWrapper.DEFAULT_MAX_CALLS), task.name());
            }
        }
    }
}
