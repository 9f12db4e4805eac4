package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.llmgs.search.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results are never mixed, lost or blocked: what a sweep reuses, redoes or refuses; what search
 * does with a folder holding a killed, failed or finished run, a file, or a run in progress.
 */
class RunSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String[] sweep(String budget, String... more) {
        String[] base = {"sweep", "--tasks", "MazeSparse,Harvester", "--methods", "shc", "--seeds", "0-1",
                "--budget", budget, "--backend", "cpu", "--out", tmp.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private Path run(String task, String method, int seed) {
        return tmp.resolve(task).resolve(method).resolve(Integer.toString(seed));
    }

    @Test
    void aResumedSweepRedoesUnfinishedRunsAndRefusesRunsMadeWithOtherSettings() throws Exception {
        Cli.Result first = Cli.run(sweep("400"));
        first.assertOk();
        assertEquals(1, first.out().lines().filter(l -> l.startsWith("backend: cpu on ")).count(),
                "one backend, opened once, for the whole sweep\n" + first.show());
        String summary = Files.readString(tmp.resolve("summary.md"));
        String finished = Files.readString(run("Harvester", "shc", 0).resolve("result.json"));

        // one run interrupted (Ctrl-C), one killed (kill -9 leaves only events.jsonl)
        Path interrupted = run("MazeSparse", "shc", 1).resolve("result.json");
        ObjectNode r = (ObjectNode) JSON.readTree(interrupted.toFile());
        String status = r.get("status").asText();
        r.put("status", "interrupted");
        r.put("programs_evaluated", 100);
        JSON.writeValue(interrupted.toFile(), r);
        Files.delete(run("Harvester", "shc", 1).resolve("result.json"));

        Cli.Result resumed = Cli.run(sweep("400"));
        resumed.assertOk();
        assertTrue(resumed.out().contains("sweep: 4 runs: 2 finished with the same settings (reused), 2 to redo, 0 new"),
                resumed::show);
        assertTrue(resumed.out().contains("[2/4] MazeSparse shc seed 1 (redoing: it held an interrupted run (best "), resumed::show);
        assertTrue(resumed.out().contains("[4/4] Harvester shc seed 1 (redoing: it held an unfinished run (no result.json: "
                + "it was killed or crashed))"), resumed::show);
        assertEquals(withoutWallTime(summary), withoutWallTime(Files.readString(tmp.resolve("summary.md"))),
                "the resumed sweep summarises the same runs as the first");
        assertEquals(status, JSON.readTree(interrupted.toFile()).get("status").asText());

        // another budget: no run is reused or replaced, and nothing is written
        Cli.run(sweep("300")).assertUserError(run("MazeSparse", "shc", 0) + " holds a run made with other settings: "
                + "budget 400 (now 300); pass --overwrite to redo it, or choose another --out");
        assertEquals(finished, Files.readString(run("Harvester", "shc", 0).resolve("result.json")));
        assertEquals(withoutWallTime(summary), withoutWallTime(Files.readString(tmp.resolve("summary.md"))));

        Cli.Result replaced = Cli.run(sweep("300", "--overwrite"));
        replaced.assertOk();
        assertTrue(replaced.out().contains("sweep: 4 runs: 0 finished with the same settings (reused), 4 to redo, 0 new"),
                replaced::show);
        assertEquals(300, JSON.readTree(run("Harvester", "shc", 0).resolve("result.json").toFile())
                .get("spec").get("budget").asLong());
    }

    /**
     * The summary's wall-time column and its engine line (how the runs' calls happened to merge)
     * differ between any two sweeps; every other cell must not.
     */
    static String withoutWallTime(String markdown) {
        StringBuilder sb = new StringBuilder();
        for (String line : markdown.strip().lines().toList()) {
            if (line.startsWith("Engine (") || line.isBlank()) continue;
            if (!line.startsWith("|")) {
                sb.append(line).append('\n');
                continue;
            }
            String[] cells = line.split("\\|", -1);
            for (int i = 0; i < cells.length; i++) {
                if (i != 7) sb.append(cells[i]).append(i < cells.length - 1 ? "|" : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void searchSaysWhatAFolderHoldsAndWhatToDo() throws Exception {
        Path killed = Files.createDirectories(run("MazeSparse", "random", 0));
        Files.writeString(killed.resolve("events.jsonl"), "{\"type\":\"start\"}\n");
        String[] search = {"search", "--task", "MazeSparse", "--method", "random", "--backend", "cpu",
                "--out", tmp.toString(), "--budget", "50"};
        Cli.run(search).assertUserError(killed + " holds an unfinished run (no result.json: it was killed or crashed); "
                + "pass --overwrite to start it again");
        Cli.Result over = Cli.run(append(search, "--overwrite"));
        assertEquals(0, over.code(), over::show);
        assertTrue(over.out().contains("next: watch it play one instance step by step:\n  ./llmgs eval --task MazeSparse "
                + "--program \""), over::show);

        search[search.length - 1] = "40";
        Cli.Result refused = Cli.run(search);
        refused.assertUserErrorStartsWith(killed + " already holds a finished run (budget: best ");
        assertTrue(refused.err().contains(" programs), made with budget 50 (now 40); choose another --out or --seed, "
                + "or pass --overwrite to replace it"), refused::show);
    }

    @Test
    void aFileOrAnImpossiblePathIsOneLine() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("MazeSparse").resolve("random")).resolve("0");
        Files.writeString(file, "not a run");
        String[] search = {"search", "--task", "MazeSparse", "--method", "random", "--budget", "20", "--backend", "cpu",
                "--out", tmp.toString(), "--overwrite"};
        Cli.run(search).assertUserError(file + " is a file, not a run directory; remove it or choose another --out");
        assertEquals("not a run", Files.readString(file));
        Path under = file.resolve("deeper");
        Cli.run("search", "--task", "MazeSparse", "--method", "random", "--budget", "20", "--backend", "cpu", "--out",
                under.toString()).assertUserError("cannot create the run directory " + under.resolve("MazeSparse")
                .resolve("random").resolve("0") + ": " + file + " is a file, not a directory");
        Cli.run("search", "--task", "MazeSparse", "--method", "random", "--out", "/proc/llmgs-test").assertUserError(
                "--out /proc/llmgs-test: cannot create it: no such file or directory (/proc/llmgs-test)");
        Cli.run("sweep", "--tasks", "MazeSparse", "--methods", "random", "--out", "/proc/llmgs-test").assertUserError(
                "--out /proc/llmgs-test: cannot create it: no such file or directory (/proc/llmgs-test)");
        Cli.run("search", "--task", "MazeSparse", "--out", "").assertUserError("--out: empty path; give a directory, e.g. --out output");
    }

    @Test
    void aFailedStartDoesNotBlockTheCorrectedRerun() throws Exception {
        try (MockWebServer server = LoopbackLlm.answering("fake-model",
                new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"bad request\"}}"))) {
            String[] llm = {"search", "--task", "DoorKey", "--method", "llm-gs", "--budget", "50", "--backend", "cpu",
                    "--out", tmp.toString(), "--llm-base-url", server.url("/v1").toString(), "--llm-model", "fake-model"};
            Cli.Result failed = Cli.run(llm);
            assertEquals(2, failed.code(), failed::show);
            assertTrue(failed.err().startsWith("llmgs: error: LLM endpoint ") && failed.err().contains("HTTP 400"), failed::show);
        }
        Path dir = run("DoorKey", "llm-gs", 0);
        assertEquals(RunFolder.State.FAILED_START, RunFolder.inspect(dir).state());
        assertTrue(Files.exists(dir.resolve("llm.jsonl")), "the failed start's LLM log is kept for reading");
        Cli.Result rerun = Cli.run("search", "--task", "DoorKey", "--method", "llm-gs", "--budget", "50", "--backend", "cpu",
                "--out", tmp.toString());
        assertEquals(0, rerun.code(), rerun::show);
        assertEquals("budget", JSON.readTree(dir.resolve("result.json").toFile()).get("status").asText());
    }

    @Test
    void twoRunsNeverShareAFolder() throws Exception {
        String[] long_ = {"search", "--task", "DoorKey", "--method", "shc", "--budget", "60000", "--backend", "cpu",
                "--threads", "1", "--out", tmp.toString()};
        CompletableFuture<Cli.Result> first = CompletableFuture.supplyAsync(() -> Cli.run(long_));
        Path dir = run("DoorKey", "shc", 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (RunFolder.inspect(dir).state() != RunFolder.State.IN_USE && !first.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Cli.Result second = Cli.run("search", "--task", "DoorKey", "--method", "shc", "--budget", "100", "--backend", "cpu",
                "--out", tmp.toString(), "--overwrite");
        assertFalse(first.isDone(), "the first run was still going when the second asked");
        second.assertUserErrorStartsWith(dir + " is in use by another run (pid " + ProcessHandle.current().pid());
        Cli.Result done = first.get(120, TimeUnit.SECONDS);
        assertEquals(0, done.code(), done::show);
        JsonNode result = JSON.readTree(dir.resolve("result.json").toFile());
        assertEquals(60000, result.get("spec").get("budget").asLong(), "the first run's files are its own");
        assertEquals(1, Files.readAllLines(dir.resolve("events.jsonl")).stream().filter(l -> l.contains("\"start\"")).count());
    }

    @Test
    void theRunSettingsCallLimitReachesTheEngine() throws Exception {
        Path settings = tmp.resolve("five-calls.json");
        Files.writeString(settings, Files.readString(Path.of(RunSafetyTest.class.getResource("/configs/karel.json").toURI()))
                .replace("\"max_calls\": 10000", "\"max_calls\": 5"));
        Path out = tmp.resolve("out");
        Cli.run("search", "--task", "Harvester", "--method", "random", "--budget", "200", "--seed", "1", "--backend", "cpu",
                "--run-settings", settings.toString(), "--out", out.toString()).assertOk();
        JsonNode r = JSON.readTree(out.resolve("Harvester/random/1/result.json").toFile());
        assertEquals(5, r.get("config").get("max_calls").asInt());
        assertEquals(5, r.get("spec").get("max_calls").asInt());
        Cli.Result eval = Cli.run("eval", "--task", "Harvester", "--program", r.get("best_program").asText(), "--backend", "cpu",
                "--config", settings.toString());
        assertTrue(eval.out().contains("score     " + Numbers.fmt(r.get("best_score").asDouble()) + " "), eval::show);
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
