package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C while an LLM request waits: cancel() from another thread ends seeds() at once, with no more requests. */
class CancellationTest {

    MockWebServer server;
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

    /** Long timeouts, so that only the cancel can end the wait within the test's bound. */
    private LlmConfig patient() {
        return Fixtures.config(server, dir).withMaxAttempts(5)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /**
     * Runs seeds() on another thread, waits until the request is with the server, cancels 300 ms
     * later and returns what seeds() threw, checking it threw within 2 s of the cancel.
     */
    private static Throwable cancelAfter300ms(LlmSeeder s, java.util.function.IntSupplier requestsSeen) throws Exception {
        CompletableFuture<SeedResult> call = CompletableFuture.supplyAsync(() -> s.seeds("DoorKey", 4));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requestsSeen.getAsInt() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, requestsSeen.getAsInt(), "the request reached the server");
        Thread.sleep(300);
        long t0 = System.nanoTime();
        s.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS),
                "seeds() must throw within 2 s of cancel()");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "took " + ms + " ms");
        return e.getCause();
    }

    @Test
    void cancelEndsARequestThatGetsNoAnswer() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(Fixtures.ok(Fixtures.GOOD_1)); // must never be asked for
        try (LlmSeeder s = Fixtures.seeder(patient(), Map.of(), new Fixtures.RecordingSleeper())) {
            Throwable t = cancelAfter300ms(s, server::getRequestCount);
            LlmCancelledException e = assertInstanceOf(LlmCancelledException.class, t);
            assertEquals("LLM request cancelled (interrupted)", e.getMessage());
        }
        assertEquals(1, server.getRequestCount());
        List<String> types = Files.readAllLines(dir.resolve("llm.jsonl")).stream()
                .map(l -> l.replaceAll(".*\"type\":\"([a-z]+)\".*", "$1")).toList();
        assertEquals(List.of("session", "request", "error"), types);
    }

    @Test
    void cancelEndsAResponseWhoseBodyStopsHalfWay() throws Exception {
        // Headers and the start of the body, then nothing: the client is stuck reading the body.
        try (RawServer raw = new RawServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
                    + "{\"choices\": [").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(30_000);
        })) {
            LlmConfig c = patient().withBaseUrl(raw.baseUrl());
            try (LlmSeeder s = Fixtures.seeder(c, Map.of(), new Fixtures.RecordingSleeper())) {
                assertInstanceOf(LlmCancelledException.class, cancelAfter300ms(s, raw::requests));
            }
            assertEquals(1, raw.requests());
        }
    }

    @Test
    void cancelWakesTheRetryWaitAndSkipsTheRemainingAttempts() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "30"));
        server.enqueue(Fixtures.ok(Fixtures.GOOD_1));
        // The real sleeper: a 30 s wait that only the cancel can cut short.
        try (LlmSeeder s = new LlmSeeder(patient(), k -> null, Sleeper.SYSTEM, Fixtures.CLOCK, new Random(1))) {
            assertInstanceOf(LlmCancelledException.class, cancelAfter300ms(s, server::getRequestCount));
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void cancelBeforeSeedsMakesNoRequest() throws IOException {
        server.enqueue(Fixtures.ok(Fixtures.GOOD_1));
        try (LlmSeeder s = Fixtures.seeder(patient(), Map.of(), new Fixtures.RecordingSleeper())) {
            s.cancel();
            assertThrows(LlmCancelledException.class, () -> s.seeds("DoorKey", 1));
        }
        assertEquals(0, server.getRequestCount());
    }
}
