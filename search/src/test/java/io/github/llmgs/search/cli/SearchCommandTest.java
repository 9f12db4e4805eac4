package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmgs search} end to end: outputs, determinism across batch sizes, LLM seeding and replay. */
class SearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode result(Path out, String task, String method, int seed) throws Exception {
        return JSON.readTree(out.resolve(task).resolve(method).resolve(Integer.toString(seed)).resolve("result.json").toFile());
    }

    @Test
    void mazeSparseShcGivesTheSameResultWithAnyBatchSize() throws Exception {
        JsonNode first = null;
        for (String batch : List.of("64", "1024", "1")) {
            Path out = tmp.resolve("b" + batch);
            Cli.run("search", "--task", "MazeSparse", "--method", "shc", "--seed", "3", "--budget", "20000",
                    "--backend", "cpu", "--batch", batch, "--out", out.toString()).assertOk();
            JsonNode r = result(out, "MazeSparse", "shc", 3);
            assertEquals(1.0, r.get("best_score").asDouble());
            assertEquals("solved", r.get("status").asText());
            assertTrue(Files.readString(out.resolve("MazeSparse/shc/3/curve.csv")).startsWith("programs_evaluated,best_score\n"));
            assertTrue(Files.readString(out.resolve("MazeSparse/shc/3/events.jsonl")).contains("\"type\":\"end\""));
            if (first == null) {
                first = r;
            } else {
                for (String f : List.of("task", "method", "seed", "best_program", "best_score", "best_found_at", "programs_evaluated")) {
                    assertEquals(first.get(f), r.get(f), f + " with --batch " + batch);
                }
            }
        }
    }

    @Test
    void refusesToOverwriteARunAndRejectsBadInputBeforeWork() {
        String out = tmp.toString();
        Cli.run("search", "--task", "MazeSparse", "--method", "random", "--budget", "10", "--backend", "cpu", "--out", out).assertOk();
        Cli.Result again = Cli.run("search", "--task", "MazeSparse", "--method", "random", "--budget", "10", "--backend", "cpu", "--out", out);
        assertEquals(2, again.code(), again::show);
        assertTrue(again.err().contains("already holds a finished run (budget: best ") && again.err().contains("pass --overwrite"), again::show);
        Cli.run("search", "--task", "Nope").assertUserErrorStartsWith("unknown task 'Nope'");
        Cli.run("search", "--task", "DoorKey", "--method", "dfs").assertUserErrorStartsWith("unknown method 'dfs'");
        Cli.run("search", "--task", "DoorKey", "--budget", "0").assertUserErrorStartsWith("--budget must be > 0");
        Cli.run("search", "--task", "DoorKey", "--backend", "gpu9").assertUserErrorStartsWith("unknown backend 'gpu9'");
    }

    @Test
    void withoutAnEndpointLlmGsSaysSoAndSeedsFromTheGrammar() throws Exception {
        Cli.Result r = Cli.run("search", "--task", "DoorKey", "--budget", "500", "--backend", "cpu", "--out", tmp.toString());
        assertEquals(0, r.code(), r::show);
        assertTrue(r.out().contains("no LLM endpoint configured"), r::show);
        JsonNode result = result(tmp, "DoorKey", "llm-gs", 0);
        assertTrue(result.get("seeding").asText().startsWith("grammar"), result.toString());
        assertTrue(result.get("programs_evaluated").asLong() >= 500, result.toString()); // the last climb ends past the budget
    }

    @Test
    void sweepSummarisesAndResumesWithoutRedoingRuns() throws Exception {
        String[] args = {"sweep", "--tasks", "MazeSparse,Harvester", "--methods", "shc,random", "--seeds", "0-1",
                "--budget", "300", "--backend", "cpu", "--out", tmp.toString()};
        Cli.Result first = Cli.run(args);
        assertEquals(0, first.code(), first::show);
        String summary = Files.readString(tmp.resolve("summary.md"));
        assertEquals(2 + 4 + 2, summary.lines().count(), summary); // the table, a blank line, the engine's line
        assertTrue(summary.lines().toList().get(7).matches("Engine \\(the runs made now\\): [0-9,]+ calls, [0-9,]+ programs "
                + "\\([0-9,]+ pairs\\) per call on average, median [0-9,]+; busy [0-9]+% of the [0-9.]+ s wall time; "
                + "the runs waited [0-9,]+ s on it and generated [0-9,]+ s \\(summed over runs\\)\\."), summary);
        assertTrue(summary.contains("| MazeSparse | shc | 2 |"), summary);
        assertTrue(Files.readString(tmp.resolve("summary.csv")).startsWith("task,method,runs,best_mean,best_std,"));
        Cli.Result again = Cli.run(args);
        assertEquals(0, again.code(), again::show);
        assertEquals(8, again.out().lines().filter(l -> l.contains(": reusing ")).count(), again::show);
        assertEquals(RunSafetyTest.withoutWallTime(summary), RunSafetyTest.withoutWallTime(Files.readString(tmp.resolve("summary.md"))));
    }

    /** A loopback OpenAI-compatible server: 429, then 500, then valid, invalid and prose-only completions. */
    private static MockWebServer flakyLlm() {
        String valid = "Plan first.\\n```python\\ndef run():\\n    while noMarkersPresent():\\n        if frontIsClear():\\n"
                + "            move()\\n        else:\\n            turnLeft()\\n    pickMarker()\\n```";
        String validDsl = "```\\nDEF run m( REPEAT R=5 r( move turnRight r) putMarker m)\\n```";
        String invalid = "```python\\ndef run():\\n    x = 3\\n    if frontIsClear() and leftIsClear():\\n        move()\\n```";
        String prose = "The agent should find the key first and then open the door.";
        AtomicInteger posts = new AtomicInteger();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("GET".equals(request.getMethod())) {
                    return new MockResponse().setBody("{\"data\":[{\"id\":\"fake-model\"}]}");
                }
                int i = posts.getAndIncrement();
                if (i == 0) return new MockResponse().setResponseCode(429).setHeader("Retry-After", "1");
                if (i == 1) return new MockResponse().setResponseCode(500);
                int n;
                try {
                    n = JSON.readTree(request.getBody().readUtf8()).get("n").asInt();
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(400);
                }
                StringBuilder choices = new StringBuilder();
                String[] pool = {valid, invalid, validDsl, prose};
                for (int k = 0; k < n; k++) {
                    if (k > 0) choices.append(',');
                    choices.append("{\"index\":").append(k).append(",\"message\":{\"role\":\"assistant\",\"content\":\"")
                            .append(pool[k % pool.length]).append("\"},\"finish_reason\":\"stop\"}");
                }
                return new MockResponse().setBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[" + choices
                        + "],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":" + 50 * n + ",\"total_tokens\":" + (100 + 50 * n) + "}}");
            }
        });
        return server;
    }

    @Test
    void llmGsAgainstAFlakyLoopbackServerThenReplayedOffline() throws Exception {
        Path live = tmp.resolve("live"), replay = tmp.resolve("replay");
        try (MockWebServer server = flakyLlm()) {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            String url = server.url("/v1").toString();
            Cli.Result r = Cli.run("search", "--task", "DoorKey", "--method", "llm-gs", "--llm-base-url", url,
                    "--llm-model", "fake-model", "--llm-api-key-env", "LLMGS_TEST_UNSET_KEY", "--budget", "3000",
                    "--backend", "cpu", "--out", live.toString());
            assertEquals(0, r.code(), r::show);
        }
        JsonNode result = result(live, "DoorKey", "llm-gs", 0);
        JsonNode llm = result.get("llm");
        assertEquals(32, llm.get("programs_valid").asInt(), result.toString());
        assertEquals("fake-model", llm.get("model").asText());
        assertFalse(llm.get("endpoint").asText().isEmpty());
        Path log = live.resolve("DoorKey/llm-gs/0/llm.jsonl");
        List<String> lines = Files.readAllLines(log);
        long parses = lines.stream().filter(l -> l.contains("\"type\":\"parse\"")).count();
        assertEquals(llm.get("completions_received").asLong(), parses, "every completion is logged with its parse result");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"retry\"")), "the 429 and the 500 were retried");

        Cli.Result again = Cli.run("search", "--task", "DoorKey", "--method", "llm-gs", "--llm-replay", log.toString(),
                "--budget", "3000", "--backend", "cpu", "--batch", "64", "--out", replay.toString());
        assertEquals(0, again.code(), again::show);
        JsonNode replayed = result(replay, "DoorKey", "llm-gs", 0);
        for (String f : List.of("best_program", "best_score", "best_found_at", "programs_evaluated")) {
            assertEquals(result.get(f), replayed.get(f), f);
        }
        assertEquals(Files.readString(live.resolve("DoorKey/llm-gs/0/curve.csv")),
                Files.readString(replay.resolve("DoorKey/llm-gs/0/curve.csv")));
    }
}
