package io.github.llmgs.llm;

import static io.github.llmgs.llm.Fixtures.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Printer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a runaway server cannot do: fill memory or llm.jsonl, or kill the run with a program the engine cannot hold. */
class ResponseLimitsTest {

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

    private List<JsonNode> log() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("llm.jsonl"))) {
            out.add(MAPPER.readTree(line));
        }
        return out;
    }

    private List<JsonNode> records(String type) throws IOException {
        return log().stream().filter(n -> n.get("type").asText().equals(type)).toList();
    }

    private static String bigBody(int chars) {
        return Fixtures.body("x".repeat(chars));
    }

    @Test
    void aBodyOverTheCapIsAFailedAttemptThenAnError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody(bigBody(20_000)));
        }
        LlmConfig c = Fixtures.config(server, dir).withMaxResponseBytes(10_000);
        try (LlmSeeder s = Fixtures.seeder(c, Map.of(), sleeper)) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
            assertEquals("LLM request to " + server.url("/v1/chat/completions") + " failed after 3 attempts: "
                    + "HTTP 200 with a response body over 10000 bytes (max_response_bytes)", e.getMessage());
        }
        assertEquals(2, sleeper.delays.size(), "retried like any failed attempt");
    }

    @Test
    void aChunkedBodyOverTheCapThenAGoodOneSucceeds() {
        server.enqueue(new MockResponse().setChunkedBody(bigBody(50_000), 1024));
        server.enqueue(Fixtures.ok(Fixtures.GOOD_1, Fixtures.GOOD_2));
        LlmConfig c = Fixtures.config(server, dir).withMaxResponseBytes(10_000);
        try (LlmSeeder s = Fixtures.seeder(c, Map.of(), sleeper)) {
            assertEquals(1, s.seeds("Maze", 1).programs().size());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anEndlessBodyIsCutAtTheCap() throws Exception {
        byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawServer raw = new RawServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "1a\r\n{\"choices\":[{\"message\":{\"\r\n").getBytes(StandardCharsets.US_ASCII));
            while (true) { // until the client hangs up
                out.write(chunk);
            }
        })) {
            LlmConfig c = Fixtures.config(server, dir).withBaseUrl(raw.baseUrl()).withMaxAttempts(2)
                    .withMaxResponseBytes(256 * 1024);
            long t0 = System.nanoTime();
            try (LlmSeeder s = Fixtures.seeder(c, Map.of(), sleeper)) {
                LlmException e = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
                assertTrue(e.getMessage().endsWith("failed after 2 attempts: HTTP 200 with a response body over 262144 "
                        + "bytes (max_response_bytes)"), e.getMessage());
            }
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "the client must hang up, not read on");
            assertEquals(2, raw.requests());
        }
    }

    @Test
    void aCompletionOverTheCompletionCapIsRejectedAndLoggedShort() throws IOException {
        String huge = Fixtures.GOOD_1 + "y".repeat(200_000); // a valid program, then a runaway tail
        server.enqueue(Fixtures.ok(huge, Fixtures.GOOD_2));
        SeedResult r;
        try (LlmSeeder s = Fixtures.seeder(Fixtures.config(server, dir), Map.of(), sleeper)) {
            r = s.seeds("Maze", 1);
        }
        assertEquals(List.of("DEF run m( REPEAT R=4 r( turnLeft putMarker r) m)"),
                r.programs().stream().map(Printer::print).toList(), "only the short completion counts");
        JsonNode response = records("response").get(0);
        String logged = response.get("completions").get(0).asText();
        assertTrue(logged.length() < Answers.MAX_COMPLETION_CHARS + 100, "logged " + logged.length() + " chars");
        assertTrue(logged.endsWith("[... truncated by llmgs: " + huge.length() + " characters in all]"), logged);
        assertEquals(huge.length(), response.get("truncated_completions").get("0").asInt());
        JsonNode parse = records("parse").get(0);
        assertFalse(parse.get("ok").asBoolean());
        assertEquals("completion is " + huge.length() + " characters, over the 65536 this client reads",
                parse.get("reason").asText());
        assertTrue(Files.size(dir.resolve("llm.jsonl")) < 200_000, "llm.jsonl stays small");
    }

    @Test
    void aProgramTheEngineCannotHoldIsRejectedWhenParsed() throws IOException {
        String sixHundredMoves = "```\nDEF run m( " + "move ".repeat(600) + "m)\n```";
        server.enqueue(Fixtures.ok(sixHundredMoves, Fixtures.GOOD_1));
        SeedResult r;
        try (LlmSeeder s = Fixtures.seeder(Fixtures.config(server, dir).withPromptMode(PromptMode.DSL), Map.of(), sleeper)) {
            r = s.seeds("Maze", 1);
        }
        assertEquals(List.of("DEF run m( WHILE c( frontIsClear c) w( move w) m)"),
                r.programs().stream().map(Printer::print).toList());
        JsonNode parse = records("parse").get(0);
        assertFalse(parse.get("ok").asBoolean());
        assertEquals("dsl: program does not fit the engine: program compiles to 601 code words; the engine holds "
                + "at most 512", parse.get("reason").asText());
        assertEquals(1, r.completionsValid());
    }

    @Test
    void aProgramOverTheSearchLimitsButWithinTheEngineIsKept() throws IOException {
        // Eight statements in one list (the search space allows six): the reference keeps it, so do we.
        String eight = "```\nDEF run m( move move move move turnLeft move move move m)\n```";
        server.enqueue(Fixtures.ok(eight, eight));
        SeedResult r;
        try (LlmSeeder s = Fixtures.seeder(Fixtures.config(server, dir).withPromptMode(PromptMode.DSL), Map.of(), sleeper)) {
            r = s.seeds("Maze", 1);
        }
        assertEquals(List.of("DEF run m( move move move move turnLeft move move move m)"),
                r.programs().stream().map(Printer::print).toList());
        JsonNode parse = records("parse").get(0);
        assertTrue(parse.get("ok").asBoolean());
        assertFalse(parse.get("within_limits").asBoolean());
    }
}
