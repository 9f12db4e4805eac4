package io.github.llmgs.llm;

import static io.github.llmgs.llm.Fixtures.KEY;
import static io.github.llmgs.llm.Fixtures.MAPPER;
import static io.github.llmgs.llm.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Printer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmSeederTest {

    MockWebServer server;
    final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private LlmSeeder seeder() {
        return Fixtures.seeder(Fixtures.config(server, dir), Map.of(), sleeper);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertTrue(r != null, "expected a request");
        return r;
    }

    private List<JsonNode> log() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("llm.jsonl"))) {
            out.add(MAPPER.readTree(line));
        }
        return out;
    }

    private static List<String> printed(SeedResult r) {
        return r.programs().stream().map(Printer::print).toList();
    }

    @Test
    void requestCarriesTheProtocolFieldsAndNoKeyWhenNoneIsSet() throws Exception {
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_2));
        try (LlmSeeder s = seeder()) {
            SeedResult r = s.seeds("DoorKey", 1);
            assertEquals(1, r.programs().size());
            assertEquals(2, r.completionsRequested()); // ceil(1.5 x 1)
        }
        RecordedRequest req = take();
        assertEquals("POST", req.getMethod());
        assertEquals("/v1/chat/completions", req.getPath());
        assertNull(req.getHeader("Authorization"));
        JsonNode body = MAPPER.readTree(req.getBody().readUtf8());
        assertEquals("test-model", body.get("model").asText());
        assertEquals(2, body.get("n").asInt());
        assertEquals(1.0, body.get("temperature").asDouble());
        assertEquals(1.0, body.get("top_p").asDouble());
        assertEquals(42, body.get("seed").asLong());
        assertEquals(LlmConfig.DEFAULT_MAX_TOKENS, body.get("max_tokens").asInt());
        assertEquals("system", body.get("messages").get(0).get("role").asText());
        assertTrue(body.get("messages").get(1).get("content").asText().startsWith("Task: DoorKey"));
    }

    @Test
    void bearerKeyFromTheConfiguredVariable() throws Exception {
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_1));
        LlmConfig c = Fixtures.config(server, dir).withApiKeyEnv("MY_LLM_KEY");
        try (LlmSeeder s = Fixtures.seeder(c, Map.of("MY_LLM_KEY", KEY), sleeper)) {
            s.seeds("Maze", 1);
        }
        assertEquals("Bearer " + KEY, take().getHeader("Authorization"));
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"error\":{\"message\":\"Rate limit reached\"}}"));
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_2));
        try (LlmSeeder s = seeder()) {
            SeedResult r = s.seeds("Harvester", 1);
            assertEquals(1, r.programs().size());
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.delays);
        assertEquals(2, server.getRequestCount());
        JsonNode retry = log().stream().filter(n -> n.get("type").asText().equals("retry")).findFirst().orElseThrow();
        assertEquals(7000, retry.get("delay_ms").asLong());
        assertTrue(retry.get("failure").asText().contains("HTTP 429: Rate limit reached"), retry.toString());
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Fixtures.NOW.plusSeconds(30).atZone(java.time.ZoneOffset.UTC));
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", date));
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_2));
        try (LlmSeeder s = seeder()) {
            s.seeds("Harvester", 1);
        }
        assertEquals(List.of(Duration.ofSeconds(30)), sleeper.delays);
    }

    @Test
    void serverErrorThenSuccessBacksOffWithJitter() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("oops"));
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_2));
        try (LlmSeeder s = seeder()) {
            assertEquals(1, s.seeds("Seeder", 1).programs().size());
        }
        assertEquals(1, sleeper.delays.size());
        long ms = sleeper.delays.get(0).toMillis();
        assertTrue(ms >= 500 && ms <= 1000, "first backoff in [0.5 s, 1 s]: " + ms);
    }

    @Test
    void backoffGrowsAndAttemptsAreBounded() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>\n"));
        }
        try (LlmSeeder s = seeder()) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("Seeder", 2));
            String url = server.url("/v1/chat/completions").toString();
            assertEquals("LLM request to " + url + " failed after 3 attempts: HTTP 502: <html>Bad gateway</html>",
                    e.getMessage());
            assertFalse(e instanceof InsufficientSeedsException, "nothing was valid before the failure");
        }
        assertEquals(2, sleeper.delays.size());
        assertTrue(sleeper.delays.get(1).toMillis() >= 1000 && sleeper.delays.get(1).toMillis() <= 2000);
        assertEquals(3, server.getRequestCount());
    }

    /** Decision: a 2xx body that is not valid JSON is treated as a transient fault and retried. */
    @Test
    void truncatedJsonIsRetried() {
        String full = Fixtures.body(Fixtures.GOOD_1, Fixtures.GOOD_2);
        server.enqueue(new MockResponse().setBody(full.substring(0, full.length() / 2)));
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_2));
        try (LlmSeeder s = seeder()) {
            assertEquals(1, s.seeds("TopOff", 1).programs().size());
        }
        assertEquals(1, sleeper.delays.size());
    }

    @Test
    void truncatedJsonEveryTimeIsAClearError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{\"choices\": [{\"message\": {\"content\": \"def"));
        }
        try (LlmSeeder s = seeder()) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("TopOff", 1));
            assertTrue(e.getMessage().contains("failed after 3 attempts: HTTP 200 with malformed JSON"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void connectionCutDuringBodyIsRetried() {
        server.enqueue(ok(Fixtures.GOOD_1).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_2));
        try (LlmSeeder s = seeder()) {
            assertEquals(1, s.seeds("TopOff", 1).programs().size());
        }
        assertEquals(1, sleeper.delays.size());
    }

    @Test
    void unreachableEndpointFailsAfterTheAttempts() throws IOException {
        String url = server.url("/v1").toString();
        server.shutdown();
        LlmConfig c = Fixtures.config(server, dir).withBaseUrl(url).withMaxAttempts(2);
        try (LlmSeeder s = Fixtures.seeder(c, Map.of(), sleeper)) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
            assertTrue(e.getMessage().startsWith("LLM request to " + url + "/chat/completions failed after 2 attempts: "),
                    e.getMessage());
            assertEquals(1, sleeper.delays.size());
        }
    }

    @Test
    void unauthorizedIsImmediateAndNamesTheVariable() {
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        LlmConfig c = Fixtures.config(server, dir);
        try (LlmSeeder s = Fixtures.seeder(c, Map.of("OPENAI_API_KEY", KEY), sleeper)) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
            assertTrue(e.getMessage().contains("HTTP 401 Unauthorized (check the API key in $OPENAI_API_KEY)"), e.getMessage());
            assertFalse(e.getMessage().contains(KEY), "the key must not appear in errors: " + e.getMessage());
            assertTrue(e.getMessage().contains("[REDACTED]"));
        }
        assertTrue(sleeper.delays.isEmpty());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void unknownModelIsNamed() {
        server.enqueue(new MockResponse().setResponseCode(404)
                .setBody("{\"error\":{\"message\":\"model \\\"test-model\\\" not found, try pulling it first\"}}"));
        try (LlmSeeder s = seeder()) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
            assertEquals("model 'test-model' not found at " + server.url("/v1")
                    + " (HTTP 404): model \"test-model\" not found, try pulling it first", e.getMessage());
        }
        assertTrue(sleeper.delays.isEmpty());
    }

    @Test
    void otherClientErrorsAreImmediate() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("404 page not found"));
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"n must be <= 8\"}}"));
        try (LlmSeeder s = seeder()) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
            assertTrue(e.getMessage().startsWith("HTTP 404 Not Found at " + server.url("/v1/chat/completions")), e.getMessage());
            assertTrue(e.getMessage().contains("is the base URL right?"));
            LlmException e2 = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
            assertTrue(e2.getMessage().endsWith("rejected the request with HTTP 400: n must be <= 8"), e2.getMessage());
        }
        assertTrue(sleeper.delays.isEmpty());
    }

    @Test
    void fewerChoicesThanNAsksAgainForTheRest() throws Exception {
        // count 2 -> 3 completions wanted; a llama.cpp-like server returns one choice per request.
        server.enqueue(ok(Fixtures.GOOD_1));
        server.enqueue(ok(Fixtures.GOOD_2));
        server.enqueue(ok(Fixtures.GOOD_1));
        SeedResult r;
        try (LlmSeeder s = seeder()) {
            r = s.seeds("FourCorners", 2);
        }
        assertEquals(3, server.getRequestCount());
        List<Integer> ns = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode b = MAPPER.readTree(take().getBody().readUtf8());
            ns.add(b.get("n").asInt());
            seeds.add(b.get("seed").asLong());
        }
        assertEquals(List.of(3, 2, 1), ns);
        assertEquals(List.of(42L, 43L, 44L), seeds, "each request gets its own seed");
        assertEquals(2, r.programs().size());
        assertEquals(3, r.completionsReceived());
        assertEquals(3, r.completionsValid());
        assertEquals(3, r.requests());
        assertEquals(1, r.attempts());
        assertEquals(300, r.promptTokens());
        assertEquals(30, r.completionTokens());
        assertEquals(330, r.totalTokens());
        assertEquals("test-model", r.model());
        assertEquals("network", r.source());
    }

    @Test
    void invalidCompletionsAreRejectedWithReasonsAndAskedAgain() throws Exception {
        // count 2: attempt 1 asks 3 -> 1 valid; attempt 2 asks ceil(1.5) = 2 -> 1 valid -> done.
        server.enqueue(ok(Fixtures.BAD_ELIF, Fixtures.GOOD_2, Fixtures.BAD_PROSE));
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.BAD_PROSE));
        SeedResult r;
        try (LlmSeeder s = seeder()) {
            r = s.seeds("CleanHouse", 2);
        }
        assertEquals(List.of("DEF run m( REPEAT R=4 r( turnLeft putMarker r) m)",
                "DEF run m( WHILE c( frontIsClear c) w( move w) m)"), printed(r));
        assertEquals(5, r.completionsRequested());
        assertEquals(2, r.attempts());
        assertEquals(3, MAPPER.readTree(take().getBody().readUtf8()).get("n").asInt());
        assertEquals(2, MAPPER.readTree(take().getBody().readUtf8()).get("n").asInt());
        List<JsonNode> parses = log().stream().filter(n -> n.get("type").asText().equals("parse")).toList();
        assertEquals(5, parses.size());
        assertFalse(parses.get(0).get("ok").asBoolean());
        assertTrue(parses.get(0).get("reason").asText().startsWith("python: 4:5: 'elif' is not allowed"),
                parses.get(0).toString());
        assertTrue(parses.get(2).get("reason").asText().contains("no Python code block"));
        assertTrue(parses.get(1).get("ok").asBoolean());
        assertEquals("python", parses.get(1).get("from").asText());
        JsonNode summary = log().get(log().size() - 1);
        assertEquals("summary", summary.get("type").asText());
        assertEquals(2, summary.get("valid_programs").asInt());
    }

    @Test
    void tooFewValidAfterThreeAttemptsCarriesThePartialList() {
        // count 2: asks 3, 2, 2 completions; only one is ever valid.
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.BAD_PROSE, Fixtures.BAD_ELIF));
        server.enqueue(ok(Fixtures.BAD_PROSE, Fixtures.BAD_PROSE));
        server.enqueue(ok(Fixtures.BAD_ELIF, Fixtures.BAD_PROSE));
        try (LlmSeeder s = seeder()) {
            InsufficientSeedsException e = assertThrows(InsufficientSeedsException.class, () -> s.seeds("Snake", 2));
            assertTrue(e.getMessage().startsWith("only 1 of 2 LLM programs were valid after 3 attempts (7 completions"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("first rejection: python: no Python code block"), e.getMessage());
            assertEquals(1, e.partial().programs().size());
            assertEquals(7, e.partial().completionsRequested());
            assertEquals(3, e.partial().attempts());
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void failureAfterSomeValidProgramsKeepsThem() {
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.BAD_PROSE, Fixtures.BAD_PROSE));
        server.enqueue(new MockResponse().setResponseCode(403).setBody("forbidden"));
        try (LlmSeeder s = seeder()) {
            InsufficientSeedsException e = assertThrows(InsufficientSeedsException.class, () -> s.seeds("Snake", 2));
            assertEquals(1, e.partial().programs().size());
            assertTrue(e.getMessage().contains("HTTP 403 Forbidden"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(1 of 2 programs were valid before that)"), e.getMessage());
        }
    }

    @Test
    void theKeyIsNeverLogged() throws Exception {
        // The server echoes the key in a retryable error, and the completion quotes it too.
        server.enqueue(new MockResponse().setResponseCode(500).setBody("upstream said: Bearer " + KEY));
        server.enqueue(ok(Fixtures.GOOD_1 + "\n(by the way your key is " + KEY + ")", Fixtures.GOOD_2));
        try (LlmSeeder s = Fixtures.seeder(Fixtures.config(server, dir), Map.of("OPENAI_API_KEY", KEY), sleeper)) {
            s.seeds("DoorKey", 1);
        }
        assertEquals("Bearer " + KEY, take().getHeader("Authorization"));
        String logText = Files.readString(dir.resolve("llm.jsonl"), StandardCharsets.UTF_8);
        assertFalse(logText.contains(KEY), "the API key leaked into llm.jsonl");
        assertFalse(logText.contains("SECRET-0123"), "part of the API key leaked into llm.jsonl");
        assertTrue(logText.contains("[REDACTED]"));
        List<String> types = log().stream().map(n -> n.get("type").asText()).toList();
        assertEquals(List.of("session", "request", "retry", "response", "parse", "parse", "summary"), types);
        JsonNode session = log().get(0);
        assertEquals("OPENAI_API_KEY", session.get("api_key_env").asText());
        assertTrue(session.get("api_key_sent").asBoolean());
        JsonNode response = log().get(3);
        assertTrue(response.get("ms").asLong() >= 0);
        assertEquals(2, response.get("attempts").asInt());
        assertEquals(120, response.get("usage").get("total_tokens").asInt());
        assertEquals("test-model-2025", response.get("model_reported").asText());
        assertEquals(2, response.get("completions").size());
    }

    @Test
    void cacheHitAvoidsTheNetwork() {
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.GOOD_2, Fixtures.BAD_PROSE));
        server.enqueue(ok(Fixtures.GOOD_2, Fixtures.GOOD_1)); // a different second answer, never used
        LlmConfig c = Fixtures.config(server, dir).withCacheDir(dir.resolve("cache")).withLogFile(null);
        SeedResult first;
        SeedResult second;
        try (LlmSeeder s = Fixtures.seeder(c, Map.of(), sleeper)) {
            first = s.seeds("Harvester", 2);
        }
        assertEquals(1, server.getRequestCount());
        try (LlmSeeder s = Fixtures.seeder(c, Map.of(), sleeper)) {
            second = s.seeds("Harvester", 2);
        }
        assertEquals(1, server.getRequestCount(), "the second run must be served by the cache");
        assertEquals(printed(first), printed(second));
        assertEquals("network", first.source());
        assertEquals("cache", second.source());
        assertEquals(first.totalTokens(), second.totalTokens());
    }

    @Test
    void replayReproducesTheSeedsWithoutAServer() throws IOException {
        server.enqueue(ok(Fixtures.GOOD_1, Fixtures.BAD_ELIF, Fixtures.GOOD_2));
        server.enqueue(ok(Fixtures.GOOD_2, Fixtures.GOOD_1));
        SeedResult recorded;
        try (LlmSeeder s = seeder()) {
            recorded = s.seeds("StairClimber", 3);
        }
        assertEquals(2, server.getRequestCount());
        server.shutdown();
        Path replayLog = dir.resolve("replayed.jsonl");
        LlmConfig replay = LlmConfig.defaults().withReplayFile(dir.resolve("llm.jsonl")).withLogFile(replayLog);
        SeedResult replayed;
        try (LlmSeeder s = new LlmSeeder(replay, k -> null, d -> { throw new AssertionError("no sleeping"); },
                Fixtures.CLOCK, new java.util.Random())) {
            assertTrue(s.description().startsWith("llm replay of "), s.description());
            assertEquals("test-model", s.model());
            assertTrue(s.preflight().contains("2 recorded responses"));
            replayed = s.seeds("StairClimber", 3);
            assertThrows(LlmException.class, () -> s.seeds("StairClimber", 1), "the replay is used up");
        }
        assertEquals(printed(recorded), printed(replayed));
        assertEquals("replay", replayed.source());
        assertEquals(recorded.completionsReceived(), replayed.completionsReceived());
        assertEquals(recorded.totalTokens(), replayed.totalTokens());
        // The replay's own log can itself be replayed.
        assertTrue(Files.readString(replayLog).contains("\"source\":\"replay\""));
    }

    @Test
    void descriptionAndEndpointHideSecrets() {
        String url = server.url("/v1").newBuilder().username("user").password("pw").addQueryParameter("key", "abc")
                .build().toString();
        LlmConfig c = Fixtures.config(server, dir).withBaseUrl(url);
        try (LlmSeeder s = Fixtures.seeder(c, Map.of(), sleeper)) {
            assertFalse(s.description().contains("pw"), s.description());
            assertFalse(s.description().contains("abc"), s.description());
            assertTrue(s.description().startsWith("llm: test-model at http://"), s.description());
            assertTrue(s.description().contains("prompt mode python-to-dsl"));
        }
    }
}
