package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.llm.DslToPython;
import io.github.llmgs.llm.RevisionPrompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmgs search --method llm-revision} end to end against a scripted loopback LLM, and replayed offline. */
class LlmRevisionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path run(Path out, String task, String variant) {
        return out.resolve(task).resolve("llm-revision-" + variant).resolve("0");
    }

    private static Cli.Result search(String url, Path out, String task, String variant, int rounds, String... more) {
        List<String> args = new ArrayList<>(List.of("search", "--task", task, "--method", "llm-revision", "--revision", variant,
                "--rounds", Integer.toString(rounds), "--llm-base-url", url, "--llm-model", "M",
                "--llm-api-key-env", "LLMGS_TEST_UNSET_KEY", "--backend", "cpu", "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The request records of llm.jsonl, each with its round. */
    private static List<JsonNode> requests(Path dir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("llm.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (n.get("type").asText().equals("request")) out.add(n);
        }
        return out;
    }

    private static String user(JsonNode request) {
        return request.get("messages").get(1).get("content").asText();
    }

    /** The Done-when check, as the command line gives it. */
    @Test
    void doorKeyAgentProgramTraceTwoRoundsCarriesTheMarkedLineInRoundOneAndTwo() throws Exception {
        Path out = tmp.resolve("done");
        try (RevisionLlm llm = RevisionLlm.karel("M")) {
            Cli.Result r = Cli.run("search", "--task", "DoorKey", "--method", "llm-revision", "--revision",
                    "agent-program-trace", "--rounds", "2", "--llm-base-url", llm.url(), "--llm-model", "M",
                    "--llm-api-key-env", "LLMGS_TEST_UNSET_KEY", "--out", out.toString());
            assertEquals(0, r.code(), r::show);
        }
        Path dir = run(out, "DoorKey", "agent-program-trace");
        List<JsonNode> requests = requests(dir);
        for (int round = 1; round <= 2; round++) {
            int k = round;
            List<JsonNode> inRound = requests.stream().filter(q -> q.path("round").asInt(-1) == k).toList();
            assertFalse(inRound.isEmpty(), "round " + k + " asked the LLM");
            for (JsonNode q : inRound) {
                String u = user(q);
                assertEquals("agent-program-trace", q.get("revision").asText());
                assertTrue(u.contains("Step 1: "), u);
                assertTrue(u.lines().anyMatch(l -> l.startsWith(RevisionPrompts.MARK)), "a marked line\n" + u);
            }
        }
        JsonNode result = JSON.readTree(dir.resolve("result.json").toFile());
        assertEquals("llm-revision-agent-program-trace", result.get("method").asText());
        JsonNode rev = result.get("revision");
        assertEquals("agent-program-trace", rev.get("variant").asText());
        assertEquals(3, rev.get("round_bests").size());
        assertEquals(96, result.get("programs_evaluated").asLong(), "32 programs a round, each counted");
        assertEquals("agent-program-trace", result.get("spec").get("revision").asText());
        assertEquals(2, result.get("spec").get("rounds").asInt());
        assertEquals("M", result.get("llm").get("model").asText());
        assertTrue(result.get("llm").get("total_tokens").asLong() > 0);
        assertTrue(Files.readString(dir.resolve("curve.csv")).lines().count() >= 2);
    }

    @Test
    void eachVariantsPromptCarriesItsContext() throws Exception {
        String a = DslToPython.print(Parser.parse(RevisionLlm.KAREL_PYTHON_DSL));
        String b = DslToPython.print(Parser.parse(RevisionLlm.KAREL_DSL));
        for (String variant : List.of("regeneration", "regeneration-with-reward", "agent-trace", "agent-program-trace")) {
            Path out = tmp.resolve(variant);
            List<String> users;
            try (RevisionLlm llm = RevisionLlm.karel("M")) {
                Cli.Result r = search(llm.url(), out, "DoorKey", variant, 1, "--budget", "1000");
                assertEquals(0, r.code(), r::show);
                users = llm.users();
            }
            List<JsonNode> round1 = requests(run(out, "DoorKey", variant)).stream()
                    .filter(q -> q.path("round").asInt() == 1).toList();
            assertFalse(round1.isEmpty(), variant);
            String u = user(round1.get(0));
            assertTrue(users.contains(u), "what the server received is what llm.jsonl says was sent");
            assertTrue(u.startsWith("Task: DoorKey"), u);
            switch (variant) {
                case "regeneration" -> {
                    assertTrue(u.contains("Program 1:\n```python\n") && u.contains("Program 2:\n"), u);
                    assertFalse(u.contains("Program 3:"), "the two distinct programs only\n" + u);
                    assertTrue(u.contains(a) && u.contains(b), u);
                    assertFalse(u.contains("score"), u);
                }
                case "regeneration-with-reward" -> {
                    Matcher m = Pattern.compile("Program (\\d+) \\(score ([-0-9.]+)\\)").matcher(u);
                    List<Double> scores = new ArrayList<>();
                    while (m.find()) scores.add(Double.parseDouble(m.group(2)));
                    assertEquals(2, scores.size(), u);
                    assertTrue(scores.get(0) >= scores.get(1), "best first: " + scores);
                    assertTrue(u.contains(a) && u.contains(b), u);
                    JsonNode rounds = JSON.readTree(run(out, "DoorKey", variant).resolve("result.json").toFile())
                            .get("revision").get("round_bests");
                    assertEquals(rounds.get(0).get("best_score").asDouble(), scores.get(0), 1e-4);
                }
                case "agent-trace" -> {
                    assertTrue(u.contains("Initial state:\n"), u);
                    assertTrue(u.contains("Step 1: ") && u.contains("After it: ("), u);
                    assertTrue(u.contains("mean score of") && u.contains("with a return of"), u);
                    assertFalse(u.lines().anyMatch(l -> l.startsWith(RevisionPrompts.MARK)), u);
                }
                default -> {
                    assertTrue(u.contains("Step 1: "), u);
                    // the first step of either program: A's loop test (line 2) or B's first move (line 3)
                    assertTrue(u.contains(RevisionPrompts.MARK + "    while frontIsClear():\n")
                            || u.contains(RevisionPrompts.MARK + "        move()\n"), u);
                }
            }
        }
    }

    @Test
    void replayReproducesARevisionRunOffline() throws Exception {
        Path live = tmp.resolve("live"), replay = tmp.resolve("replay");
        try (RevisionLlm llm = RevisionLlm.karel("M")) {
            assertEquals(0, search(llm.url(), live, "DoorKey", "agent-trace", 2, "--budget", "1000").code());
        }
        Path log = run(live, "DoorKey", "agent-trace").resolve("llm.jsonl");
        Cli.Result again = Cli.run("search", "--task", "DoorKey", "--method", "llm-revision", "--revision", "agent-trace",
                "--rounds", "2", "--llm-replay", log.toString(), "--backend", "cpu", "--batch", "7", "--budget", "1000",
                "--out", replay.toString());
        assertEquals(0, again.code(), again::show);
        JsonNode a = JSON.readTree(run(live, "DoorKey", "agent-trace").resolve("result.json").toFile());
        JsonNode b = JSON.readTree(run(replay, "DoorKey", "agent-trace").resolve("result.json").toFile());
        for (String f : List.of("best_program", "best_score", "best_found_at", "programs_evaluated", "revision")) {
            assertEquals(a.get(f), b.get(f), f);
        }
        assertEquals(Files.readString(run(live, "DoorKey", "agent-trace").resolve("curve.csv")),
                Files.readString(run(replay, "DoorKey", "agent-trace").resolve("curve.csv")));
        List<String> liveUsers = requests(run(live, "DoorKey", "agent-trace")).stream().map(LlmRevisionCommandTest::user).toList();
        List<String> replayUsers = requests(run(replay, "DoorKey", "agent-trace")).stream().map(LlmRevisionCommandTest::user).toList();
        assertEquals(liveUsers, replayUsers, "the replay asks what the recorded run asked");
    }

    @Test
    void miniGridRevisionRunsWithTraces() throws Exception {
        Path out = tmp.resolve("mg");
        try (RevisionLlm llm = RevisionLlm.miniGrid("M")) {
            Cli.Result r = search(llm.url(), out, "LavaGap", "agent-program-trace", 1, "--budget", "500");
            assertEquals(0, r.code(), r::show);
        }
        Path dir = run(out, "LavaGap", "agent-program-trace");
        String u = user(requests(dir).stream().filter(q -> q.path("round").asInt() == 1).findFirst().orElseThrow());
        assertTrue(u.contains("Step 1: ") && u.contains("agent facing"), u);
        assertTrue(u.lines().anyMatch(l -> l.startsWith(RevisionPrompts.MARK)), u);
        assertEquals(64, JSON.readTree(dir.resolve("result.json").toFile()).get("programs_evaluated").asLong());
    }

    @Test
    void badRevisionOptionsAreOneLineErrors() {
        Cli.run("search", "--task", "DoorKey", "--method", "llm-revision", "--out", tmp.toString())
                .assertUserErrorStartsWith("--revision: llm-revision needs a variant");
        Cli.run("search", "--task", "DoorKey", "--method", "llm-revision", "--revision", "nope", "--out", tmp.toString())
                .assertUserErrorStartsWith("--revision: unknown revision variant 'nope'");
        Cli.run("search", "--task", "DoorKey", "--method", "shc", "--revision", "agent-trace", "--out", tmp.toString())
                .assertUserErrorStartsWith("--revision: only with");
        Cli.run("search", "--task", "DoorKey", "--method", "llm-revision", "--revision", "agent-trace", "--rounds", "-1",
                "--out", tmp.toString()).assertUserErrorStartsWith("--rounds: must be >= 0");
        Cli.run("search", "--task", "DoorKey", "--method", "llm-revision", "--revision", "agent-trace",
                "--out", tmp.toString()).assertUserErrorStartsWith("--method llm-revision needs an LLM");
    }

    @Test
    void sweepRunsEachVariantAsAMethodAndTablesItsRounds() throws Exception {
        Path out = tmp.resolve("sweep");
        try (RevisionLlm llm = RevisionLlm.karel("M")) {
            Cli.Result r = Cli.run("sweep", "--tasks", "DoorKey", "--methods", "llm-revision", "--revision",
                    "regeneration,agent-trace", "--rounds", "1", "--seeds", "0-1", "--llm-base-url", llm.url(),
                    "--llm-model", "M", "--llm-api-key-env", "LLMGS_TEST_UNSET_KEY", "--backend", "cpu",
                    "--budget", "1000", "--out", out.toString());
            assertEquals(0, r.code(), r::show);
        }
        assertTrue(Files.exists(run(out, "DoorKey", "regeneration").resolve("result.json")));
        assertTrue(Files.exists(out.resolve("DoorKey/llm-revision-agent-trace/1/result.json")));
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| task | variant | runs | round 0 | round 1 |"), summary);
        assertTrue(summary.contains("| DoorKey | regeneration | 2 |"), summary);
        assertTrue(summary.contains("| DoorKey | agent-trace | 2 |"), summary);
    }

    @Test
    void theCacheServesARevisionRunAgainAndTheSpecNamesItsRounds() throws Exception {
        Path cache = tmp.resolve("cache");
        int port;
        try (RevisionLlm llm = RevisionLlm.karel("M")) {
            port = llm.port();
            assertEquals(0, search(llm.url(), tmp.resolve("a"), "DoorKey", "agent-program-trace", 2, "--budget", "1000",
                    "--llm-cache", cache.toString()).code());
        }
        try (RevisionLlm llm = RevisionLlm.karel("M", port)) {
            Cli.Result r = search(llm.url(), tmp.resolve("b"), "DoorKey", "agent-program-trace", 2, "--budget", "1000",
                    "--llm-cache", cache.toString());
            assertEquals(0, r.code(), r::show);
            assertEquals(List.of(), llm.users(), "every round's request was served from the cache");
            search(llm.url(), tmp.resolve("b"), "DoorKey", "agent-program-trace", 3, "--budget", "1000")
                    .assertUserErrorStartsWith(run(tmp.resolve("b"), "DoorKey", "agent-program-trace")
                            + " already holds a finished run");
            Cli.Result other = search(llm.url(), tmp.resolve("b"), "DoorKey", "agent-program-trace", 3, "--budget", "1000");
            assertTrue(other.err().contains("made with rounds 2 (now 3)"), other::show);
        }
        JsonNode a = JSON.readTree(run(tmp.resolve("a"), "DoorKey", "agent-program-trace").resolve("result.json").toFile());
        JsonNode b = JSON.readTree(run(tmp.resolve("b"), "DoorKey", "agent-program-trace").resolve("result.json").toFile());
        assertEquals(a.get("revision"), b.get("revision"));
        assertEquals(a.get("spec_digest"), b.get("spec_digest"));
    }
}
