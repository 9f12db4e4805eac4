package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmgs} in a child JVM stopped for real: SIGTERM (what Ctrl-C does, through the same
 * shutdown hook) and SIGKILL (kill -9, no hook at all). A stopped search leaves a whole
 * interrupted result; a stopped sweep a partial summary; either, run again, completes with the
 * summary of a sweep that was never stopped.
 */
class SignalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path tmp;

    private static Process launch(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xss8m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void await(String what, Process p, BooleanSupplier condition, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (!p.isAlive()) throw new AssertionError("the child ended before " + what + ":\n" + Files.readString(log));
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private static boolean hasResult(Path run) {
        return Files.exists(run.resolve("result.json"));
    }

    @Test
    void sigtermStopsASearchAndItsPartialResultIsWrittenWhole() throws Exception {
        Path log = tmp.resolve("log");
        Path run = tmp.resolve("DoorKey/shc/0");
        Process p = launch(log, "search", "--task", "DoorKey", "--method", "shc", "--budget", "100000000", "--backend",
                "cpu", "--threads", "1", "--out", tmp.toString());
        await("the first new best", p, () -> lines(run.resolve("events.jsonl")).stream().anyMatch(l -> l.contains("new_best")), log);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the search ends on SIGTERM");
        JsonNode r = JSON.readTree(run.resolve("result.json").toFile());
        assertEquals("interrupted", r.get("status").asText(), Files.readString(log));
        assertTrue(r.get("programs_evaluated").asLong() > 0 && r.get("programs_evaluated").asLong() < 100000000L);
        assertTrue(Files.readString(run.resolve("curve.csv")).startsWith("programs_evaluated,best_score\n"));
        assertTrue(lines(run.resolve("events.jsonl")).get(lines(run.resolve("events.jsonl")).size() - 1).contains("\"end\""));
        assertTrue(Files.readString(log).contains("the run was interrupted"), Files.readString(log));
    }

    @Test
    void aSweepStoppedBySigtermAndThenByKill9ResumesToTheSummaryOfAnUnstoppedSweep() throws Exception {
        Path whole = tmp.resolve("whole"), stopped = tmp.resolve("stopped");
        // one run at a time, so that each signal falls in a known run
        String[] sweep = {"sweep", "--tasks", "DoorKey", "--methods", "shc", "--seeds", "0-2", "--budget", "25000",
                "--backend", "cpu", "--threads", "1", "--concurrency", "1", "--out", null};
        sweep[sweep.length - 1] = whole.toString();
        Cli.run(sweep).assertOk();
        String expected = RunSafetyTest.withoutWallTime(Files.readString(whole.resolve("summary.md")));

        sweep[sweep.length - 1] = stopped.toString();
        Path log = tmp.resolve("log");
        Path run0 = stopped.resolve("DoorKey/shc/0"), run1 = stopped.resolve("DoorKey/shc/1"), run2 = stopped.resolve("DoorKey/shc/2");

        // SIGTERM in the second run: the first is kept, the second written as interrupted, the summary partial
        Process term = launch(log, sweep);
        await("the second run", term, () -> hasResult(run0) && Files.exists(run1.resolve("events.jsonl")), log);
        term.destroy();
        assertTrue(term.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("interrupted", JSON.readTree(run1.resolve("result.json").toFile()).get("status").asText(),
                Files.readString(log));
        String partial = Files.readString(stopped.resolve("summary.md"));
        assertTrue(partial.startsWith("_Partial: 1 of 3 runs (the sweep was interrupted; "), partial);

        // kill -9 in the last run: no hook runs, the folder holds only what was flushed
        Process kill = launch(log, sweep);
        await("the third run", kill, () -> hasResult(run1) && lines(run1.resolve("result.json")).stream()
                .noneMatch(l -> l.contains("interrupted")) && Files.exists(run2.resolve("events.jsonl")), log);
        kill.destroyForcibly();
        assertTrue(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(hasResult(run2), "killed before its result was written");

        Cli.Result resumed = Cli.run(sweep);
        resumed.assertOk();
        assertTrue(resumed.out().contains("sweep: 3 runs: 2 finished with the same settings (reused), 1 to redo, 0 new"),
                resumed::show);
        assertEquals(expected, RunSafetyTest.withoutWallTime(Files.readString(stopped.resolve("summary.md"))));
    }

    @Test
    void aConcurrentSweepStoppedBySigtermInterruptsEveryActiveRunAndResumes() throws Exception {
        Path whole = tmp.resolve("whole"), stopped = tmp.resolve("stopped");
        String[] sweep = {"sweep", "--tasks", "DoorKey", "--methods", "shc", "--seeds", "0-2", "--budget", "25000",
                "--backend", "cpu", "--threads", "1", "--concurrency", "3", "--out", null};
        sweep[sweep.length - 1] = whole.toString();
        Cli.run(sweep).assertOk();
        String expected = RunSafetyTest.withoutWallTime(Files.readString(whole.resolve("summary.md")));

        sweep[sweep.length - 1] = stopped.toString();
        Path log = tmp.resolve("log");
        List<Path> runs = List.of(stopped.resolve("DoorKey/shc/0"), stopped.resolve("DoorKey/shc/1"),
                stopped.resolve("DoorKey/shc/2"));
        Process term = launch(log, sweep);
        // all three at once: each has found a best before the signal
        await("three runs under way", term, () -> runs.stream().allMatch(r -> lines(r.resolve("events.jsonl")).stream()
                .anyMatch(l -> l.contains("new_best"))), log);
        term.destroy();
        assertTrue(term.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(Files.readString(log).matches("(?s).*sweep interrupted after [0-2] of 3 runs.*"), Files.readString(log));
        for (Path r : runs) {
            String status = JSON.readTree(r.resolve("result.json").toFile()).get("status").asText();
            assertTrue(status.equals("interrupted") || status.equals("budget"), r + ": " + status);
        }
        assertTrue(runs.stream().anyMatch(r -> lines(r.resolve("result.json")).stream().anyMatch(l -> l.contains("interrupted"))),
                "the signal came while runs were active");

        Cli.Result resumed = Cli.run(sweep);
        resumed.assertOk();
        assertEquals(expected, RunSafetyTest.withoutWallTime(Files.readString(stopped.resolve("summary.md"))));
    }

    @Test
    void sigtermCancelsAnLlmRequestThatHangsAndTheRunIsInterrupted() throws Exception {
        try (okhttp3.mockwebserver.MockWebServer server = LoopbackLlm.answering("slow-model",
                new okhttp3.mockwebserver.MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE))) {
            Path log = tmp.resolve("log");
            Path run = tmp.resolve("DoorKey/llm-gs/0");
            Process p = launch(log, "search", "--task", "DoorKey", "--method", "llm-gs", "--budget", "1000", "--backend",
                    "cpu", "--out", tmp.toString(), "--llm-base-url", server.url("/v1").toString(), "--llm-model",
                    "slow-model");
            await("the chat request", p, () -> server.getRequestCount() >= 2, log); // GET /models, then the POST
            long t0 = System.nanoTime();
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the hanging request is cancelled, not waited out");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 10, "ended " + seconds + " s after SIGTERM");
            JsonNode r = JSON.readTree(run.resolve("result.json").toFile());
            assertEquals("interrupted", r.get("status").asText(), Files.readString(log));
            assertEquals(2, server.getRequestCount(), "no retry after the cancel");
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
