package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-sweep benchmark: the same runs one at a time and together, their results equal, and its ratios. */
class ProfileSweepCommandTest {
    @Test
    void repeatsAlternateTheWaysAndReportEachRatioAndTheirMedian() throws Exception {
        Cli.Result r = Cli.run("profile-sweep", "--task", "Harvester", "--method", "shc", "--seeds", "0-2", "--budget", "300",
                "--backend", "cpu", "--threads", "1", "--repeat", "2", "--json");
        assertEquals(0, r.code(), r::show);
        List<String> lines = r.out().lines().toList();
        List<String> ways = lines.stream().filter(l -> l.startsWith("one run at a time") || l.startsWith("3 runs at once"))
                .map(l -> l.substring(0, 17)).toList();
        // the second repetition measures together first, so that a drift favours neither
        assertEquals(List.of("one run at a time", "3 runs at once   ", "3 runs at once   ", "one run at a time"), ways, r::show);
        JsonNode j = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertTrue(j.get("identical").asBoolean(), r::show);
        assertEquals(2, j.get("ratios").size(), r::show);
        double a = j.get("ratios").get(0).asDouble(), b = j.get("ratios").get(1).asDouble();
        assertEquals((a + b) / 2, j.get("ratio").asDouble(), 1e-12, r::show);
        assertEquals(j.get("one_at_a_time").get("results_digest"), j.get("together").get("results_digest"), r::show);
        assertEquals(j.get("one_at_a_time").get("programs_evaluated"), j.get("together").get("programs_evaluated"), r::show);
        for (String way : List.of("one_at_a_time", "together")) {
            // the process's CPU time over the wall time: the runs did work, on at most the machine's cores
            double cores = j.get(way).get("cores_busy").asDouble();
            assertTrue(j.get(way).get("cpu_seconds").asDouble() > 0 && cores > 0
                    && cores <= Runtime.getRuntime().availableProcessors() + 0.5, r::show);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("together / one at a time: ") && l.contains("(median of 2: ")
                && l.endsWith("results identical")), r::show);
        Cli.run("profile-sweep", "--task", "Harvester", "--repeat", "0").assertUserError("--repeat must be >= 1, got 0");
    }
}
