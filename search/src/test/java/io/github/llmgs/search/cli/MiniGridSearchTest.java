package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search} and {@code sweep} on MiniGrid tasks: the MiniGrid grammar, its oracle, its run settings. */
class MiniGridSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode result(Path out, String task, String method) throws Exception {
        return JSON.readTree(out.resolve(task).resolve(method).resolve("0").resolve("result.json").toFile());
    }

    @Test
    void aMiniGridSearchGivesTheSameResultOnEitherBackendForAnyBatchAndThreads() throws Exception {
        JsonNode first = null;
        for (String[] where : new String[][] {{"1", "1", "cpu"}, {"64", "2", "cpu"}, {"1024", "2", "cpu"}, {"64", "2", "reference"}}) {
            Path out = tmp.resolve("b" + where[0] + "t" + where[1] + where[2]);
            Cli.Result r = Cli.run("search", "--task", "LavaGap", "--method", "shc", "--budget", "1500", "--batch", where[0],
                    "--threads", where[1], "--backend", where[2], "--out", out.toString());
            assertEquals(0, r.code(), r::show);
            assertTrue(r.out().contains("backend: " + where[2] + " on " + (where[2].equals("cpu") ? "Java bytecode VM (MiniGrid), "
                    : "Java tree-walker (MiniGrid oracle), ") + where[1] + (where[1].equals("1") ? " thread" : " threads")), r::show);
            JsonNode res = result(out, "LavaGap", "shc");
            assertEquals("classpath:/configs/minigrid.json", res.get("config").get("run_settings_file").asText());
            assertEquals(1000, res.get("spec").get("max_calls").asInt(), "MiniGrid's call limit");
            assertTrue(res.get("best_program").asText().matches("DEF run m\\( .* m\\)"), res::toString);
            assertTrue(!res.get("best_program").asText().contains("move"), "a MiniGrid program: " + res.get("best_program"));
            if (first == null) {
                first = res;
            } else {
                for (String field : new String[] {"best_program", "best_score", "best_found_at", "programs_evaluated", "spec_digest"}) {
                    assertEquals(first.get(field), res.get(field), field + " with batch " + where[0] + ", threads " + where[1]
                            + " on " + where[2]);
                }
            }
        }
    }

    @Test
    void theDefaultBudgetIsThePapersMiniGridOne() throws Exception {
        Cli.Result r = Cli.run("search", "--task", "PutNear", "--method", "random", "--out", tmp.toString());
        assertEquals(0, r.code(), r::show);
        assertEquals(10_000, result(tmp, "PutNear", "random").get("spec").get("budget").asLong());
    }

    @Test
    void aMiniGridSearchOnOpenClIsTheCpusSearch() throws Exception {
        EvalCommandTest.requireOpenCl();
        JsonNode[] results = new JsonNode[2];
        String[] backends = {"cpu", "opencl"};
        for (int b = 0; b < 2; b++) {
            Path out = tmp.resolve(backends[b]);
            Cli.Result r = Cli.run("search", "--task", "RedBlueDoor", "--method", "shc", "--budget", "1500", "--backend", backends[b],
                    "--out", out.toString());
            assertEquals(0, r.code(), r::show);
            results[b] = result(out, "RedBlueDoor", "shc");
        }
        assertTrue(Cli.run("search", "--task", "RedBlueDoor", "--method", "shc", "--budget", "100", "--backend", "opencl",
                "--out", tmp.resolve("x").toString()).out().contains("backend: opencl on "));
        assertEquals("opencl", results[1].get("backend").asText());
        for (String field : new String[] {"best_program", "best_score", "best_found_at", "programs_evaluated", "spec_digest"}) {
            assertEquals(results[0].get(field), results[1].get(field), field + " on opencl");
        }
    }

    @Test
    void miniGridMistakesAreOneLine() throws Exception {
        Cli.run("search", "--task", "LavaGap", "--backend", "cpu", "--device", "0", "--out", tmp.toString()).assertUserError(
                "--device 0: the cpu backend runs on CPU threads; --device chooses an OpenCL device (--backend opencl or auto)");
        Cli.run("search", "--task", "LavaGap", "--backend", "gpu9", "--out", tmp.toString())
                .assertUserErrorStartsWith("unknown backend 'gpu9'");
        Path karel = tmp.resolve("karel.json");
        Files.writeString(karel, Files.readString(Path.of(getClass().getResource("/configs/karel.json").toURI())));
        Cli.run("search", "--task", "LavaGap", "--run-settings", karel.toString(), "--out", tmp.toString())
                .assertUserError("--run-settings " + karel + ": run settings of domain karel, but task LavaGap is a minigrid task "
                        + "(see configs/minigrid.json)");
        Cli.run("search", "--task", "LavaGapp").assertUserErrorStartsWith("unknown task 'LavaGapp'; known tasks: StairClimber, ");
        assertTrue(Cli.run("search", "--task", "LavaGapp").err().strip().endsWith("PathFollow, LavaGap, RedBlueDoor, PutNear"));
    }

    @Test
    void aSweepMixesDomainsAndLlmGsSeedsMiniGridFromItsGrammar() throws Exception {
        Cli.Result auto = Cli.run("sweep", "--tasks", "RedBlueDoor,MazeSparse", "--methods", "llm-gs", "--seeds", "0",
                "--budget", "200", "--backend", "cpu", "--out", tmp.toString());
        assertEquals(0, auto.code(), auto::show);
        assertTrue(auto.out().contains("seeding from the minigrid grammar instead"), auto::show);
        assertTrue(auto.out().contains("| RedBlueDoor | llm-gs | 1 |") && auto.out().contains("| MazeSparse | llm-gs | 1 |"),
                auto::show);
        assertEquals("cpu", result(tmp, "RedBlueDoor", "llm-gs").get("backend").asText());
        assertEquals(2, auto.out().lines().filter(l -> l.startsWith("backend: cpu on ")).count(),
                "one backend per domain, each opened once\n" + auto.show());
    }

    /** n completions alternating a MiniGrid answer and a Karel one (which a MiniGrid task must reject). */
    private static okhttp3.mockwebserver.MockResponse completions(int n) {
        String miniGrid = "```python\\ndef run():\\n    while not front_object_type(\\\"ball\\\"):\\n        right()\\n"
                + "    pickup()\\n```\\n```\\nDEF run m( WHILE c( not c( front_object_type h( ball h) c) c) w( right w) pickup m)\\n```";
        String karel = "```\\nDEF run m( move turnLeft m)\\n```";
        StringBuilder choices = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) choices.append(',');
            choices.append("{\"index\":").append(k).append(",\"message\":{\"role\":\"assistant\",\"content\":\"")
                    .append(k % 2 == 0 ? miniGrid : karel).append("\"},\"finish_reason\":\"stop\"}");
        }
        return new okhttp3.mockwebserver.MockResponse().setBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":["
                + choices + "]}");
    }

    @Test
    void llmGsSeedsAMiniGridTaskFromAnLlmInMiniGridsWords() throws Exception {
        try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer()) {
            server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                    if ("GET".equals(request.getMethod())) {
                        return new okhttp3.mockwebserver.MockResponse().setBody("{\"data\":[{\"id\":\"m\"}]}");
                    }
                    try {
                        return completions(JSON.readTree(request.getBody().readUtf8()).get("n").asInt());
                    } catch (Exception e) {
                        return new okhttp3.mockwebserver.MockResponse().setResponseCode(400);
                    }
                }
            });
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            Cli.Result r = Cli.run("search", "--task", "PutNear", "--method", "llm-gs", "--budget", "300",
                    "--llm-base-url", server.url("/v1").toString(), "--llm-model", "m", "--llm-api-key-env", "LLMGS_TEST_UNSET_KEY",
                    "--out", tmp.toString());
            assertEquals(0, r.code(), r::show);
            JsonNode res = result(tmp, "PutNear", "llm-gs");
            assertEquals(32, res.get("llm").get("programs_valid").asInt(), res::toString);
            String log = Files.readString(tmp.resolve("PutNear/llm-gs/0/llm.jsonl"));
            assertTrue(log.contains("Task: PutNear") && log.contains("front_object_type h( type h)"), "the MiniGrid prompt was sent");
            assertTrue(log.contains("unknown token 'move' (a karel action; this is a minigrid program)"),
                    "a Karel answer to a MiniGrid task is rejected naming the word");
        }
    }
}
