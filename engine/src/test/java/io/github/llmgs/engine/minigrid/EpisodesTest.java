package io.github.llmgs.engine.minigrid;

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
 * Every episode of episodes.jsonl (445 programs x 32 seeds) run by the oracle, {@link MiniGridWalker},
 * over {@link ProgramWrapper}: return (exact: all rewards are multiples of 0.5), steps, calls, crash
 * flag and terminated flag, and the program's mean.
 */
class EpisodesTest {
    @Test
    void everyEpisodeMatches() {
        List<JsonNode> lines = Vectors.lines("episodes.jsonl");
        assertEquals(445, lines.size());
        List<String> failures = new ArrayList<>();
        int episodes = 0;
        for (JsonNode line : lines) {
            MiniGridTask task = MiniGridTasks.byName(line.get("task").asText());
            String program = line.get("program").asText();
            Node.Program parsed = Parser.parse(program, MiniGrid.VOCABULARY);
            double sum = 0.0;
            JsonNode seeds = line.get("seeds");
            for (int k = 0; k < seeds.size(); k++) {
                long seed = seeds.get(k).asLong();
                EpisodeResult got = MiniGridWalker.run(parsed, task, seed);
                EpisodeResult want = new EpisodeResult(line.get("returns").get(k).asDouble(), line.get("steps").get(k).asInt(),
                        line.get("calls").get(k).asInt(), line.get("crashed").get(k).asBoolean(),
                        line.get("terminated").get(k).asBoolean());
                if (!same(want, got) && failures.size() < 20) {
                    failures.add(task.name() + " seed " + seed + " " + program + "\n  want " + want + "\n  got  " + got
                            + "\n  start:\n" + MiniGridWorld.generate(task, seed).describe());
                }
                sum += got.ret();
                episodes++;
            }
            double mean = sum / seeds.size();
            // multiples of 0.5 over 32 seeds: the mean is exact, so no tolerance
            if (mean != line.get("mean").asDouble() && failures.size() < 20) {
                failures.add(task.name() + " mean want " + line.get("mean").asDouble() + " got " + mean + " " + program);
            }
        }
        assertTrue(failures.isEmpty(), "episodes differ (first 20):\n" + String.join("\n", failures));
        assertEquals(14_240, episodes);
    }

    private static boolean same(EpisodeResult want, EpisodeResult got) {
        return want.ret() == got.ret() && want.steps() == got.steps() && want.calls() == got.calls()
                && want.crashed() == got.crashed() && want.terminated() == got.terminated();
    }
}
