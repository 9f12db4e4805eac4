package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs made together on one engine are the runs made one at a time: best program, score, counts
 * and curve, for every method and both domains, whatever the concurrency and batch limit.
 */
class ConcurrentRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a run's result is; timings and the engine's metrics describe how it was computed, not what. */
    private static final List<String> RESULT = List.of("status", "spec_digest", "best_program", "best_score", "best_found_at",
            "programs_evaluated");
    /** What the batch size changes (the speculative neighbours sent), and concurrency does not. */
    private static final List<String> COMPUTE = List.of("raw_evaluations", "programs_computed");

    @TempDir
    Path tmp;

    private static String result(Path out, String task, String method, long seed) throws Exception {
        return result(out, task, method, seed, RESULT);
    }

    private static String result(Path out, String task, String method, long seed, List<String> fields) throws Exception {
        Path dir = out.resolve(task).resolve(method).resolve(Long.toString(seed));
        JsonNode r = JSON.readTree(dir.resolve("result.json").toFile());
        StringBuilder sb = new StringBuilder(task + " " + method + " " + seed + ":");
        for (String f : fields) sb.append(' ').append(f).append('=').append(r.get(f));
        return sb.append('\n').append(Files.readString(dir.resolve("curve.csv"))).toString();
    }

    @Test
    void aConcurrentSweepIsTheSweepMadeOneRunAtATime() throws Exception {
        String[] tasks = {"DoorKey", "MazeSparse", "LavaGap"};
        String[] methods = {"shc", "hc", "llm-gs"};
        for (String concurrency : new String[] {"1", "9"}) {
            for (String batch : concurrency.equals("1") ? new String[] {"1024"} : new String[] {"7", "1024"}) {
                Path out = tmp.resolve(concurrency + "-" + batch);
                Cli.Result r = Cli.run("sweep", "--tasks", String.join(",", tasks), "--methods", String.join(",", methods),
                        "--seeds", "0-2", "--budget", "1500", "--backend", "cpu", "--batch", batch,
                        "--concurrency", concurrency, "--out", out.toString());
                assertEquals(0, r.code(), r::show);
                assertTrue(r.out().contains("up to " + concurrency + " at once"), r::show);
                assertTrue(Files.readString(out.resolve("summary.md")).contains("\nEngine (the runs made now): "));
            }
        }
        for (String task : tasks) {
            for (String method : methods) {
                for (long seed = 0; seed < 3; seed++) {
                    String alone = result(tmp.resolve("1-1024"), task, method, seed);
                    assertEquals(alone, result(tmp.resolve("9-1024"), task, method, seed));
                    assertEquals(alone, result(tmp.resolve("9-7"), task, method, seed));
                    assertEquals(result(tmp.resolve("1-1024"), task, method, seed, COMPUTE),
                            result(tmp.resolve("9-1024"), task, method, seed, COMPUTE));
                }
            }
        }
    }

    @Test
    void searchWithSeedsIsEachSeedSearchedAlone() throws Exception {
        Path together = tmp.resolve("together"), alone = tmp.resolve("alone");
        Cli.Result r = Cli.run("search", "--task", "Harvester", "--method", "shc", "--seeds", "0-3", "--budget", "2000",
                "--backend", "cpu", "--out", together.toString());
        assertEquals(0, r.code(), r::show);
        assertTrue(r.out().contains("\n4 runs of Harvester shc (seeds 0-3), up to 32 at once\n"), r::show);
        assertTrue(r.out().contains("| Harvester | shc | 4 |"), r::show);
        Path summary = together.resolve("Harvester/shc/summary.md");
        assertTrue(r.out().contains("summary of 4 of 4 runs written to " + summary), r::show);
        assertTrue(Files.readString(summary).contains("\nEngine (the runs made now): "));
        for (long seed = 0; seed < 4; seed++) {
            Cli.run("search", "--task", "Harvester", "--method", "shc", "--seed", Long.toString(seed), "--budget", "2000",
                    "--backend", "cpu", "--out", alone.toString()).assertOk();
            List<String> all = new java.util.ArrayList<>(RESULT);
            all.addAll(COMPUTE);
            assertEquals(result(alone, "Harvester", "shc", seed, all), result(together, "Harvester", "shc", seed, all));
            JsonNode engine = JSON.readTree(together.resolve("Harvester/shc/" + seed + "/result.json").toFile()).get("engine");
            assertTrue(engine.get("engine_calls").asLong() > 0, engine.toString());
            assertTrue(engine.get("generating_seconds").asDouble() >= 0 && engine.get("waiting_seconds").asDouble() > 0,
                    engine.toString());
        }
    }

    @Test
    void badSeedOptionsAreOneLine() {
        Cli.run("search", "--task", "Harvester", "--seed", "1", "--seeds", "0-3")
                .assertUserError("--seed and --seeds: give one of them");
        Cli.run("search", "--task", "Harvester", "--seeds", "0-3", "--concurrency", "0")
                .assertUserError("--concurrency must be >= 1, got 0");
        Cli.run("sweep", "--tasks", "Harvester", "--concurrency", "-2")
                .assertUserError("--concurrency must be >= 1, got -2");
    }
}
