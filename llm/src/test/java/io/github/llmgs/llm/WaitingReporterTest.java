package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "still waiting" lines a slow request prints, on a fake clock and then for real against a slow server. */
class WaitingReporterTest {

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    final AtomicLong now = new AtomicLong();

    private void at(long seconds, WaitingReporter r) {
        now.set(TimeUnit.SECONDS.toNanos(seconds));
        r.tick();
    }

    @Test
    void saysNothingForFiveSecondsThenEveryFiveSeconds() {
        WaitingReporter r = new WaitingReporter(lines::add, now::get, Duration.ofSeconds(5), Duration.ofSeconds(5), null);
        r.request("gpt-4o at http://host/v1", 3, 48);
        now.set(TimeUnit.SECONDS.toNanos(100));
        r.attemptStarted(2, 5);
        at(101, r);
        at(104, r);
        assertEquals(List.of(), lines, "a request under 5 s is not worth a line");
        at(105, r);
        at(107, r);
        at(110, r);
        at(112, r);
        assertEquals(List.of(
                "llm: waiting for gpt-4o at http://host/v1 (attempt 2 of 5, 5 s elapsed, 3 of 48 completions so far)",
                "llm: waiting for gpt-4o at http://host/v1 (attempt 2 of 5, 10 s elapsed, 3 of 48 completions so far)"),
                lines);
        r.attemptEnded();
        at(130, r);
        assertEquals(2, lines.size(), "nothing once the answer is in");
    }

    @Test
    void aNewAttemptStartsItsOwnCount() {
        WaitingReporter r = new WaitingReporter(lines::add, now::get, Duration.ofSeconds(5), Duration.ofSeconds(5), null);
        r.request("m at http://h/v1", 0, 2);
        r.attemptStarted(1, 3);
        at(6, r);
        r.attemptEnded();
        r.retrying(1, 3, "HTTP 503: busy", Duration.ofMillis(2400));
        r.attemptStarted(2, 3);
        at(9, r);
        at(12, r);
        assertEquals(List.of(
                "llm: waiting for m at http://h/v1 (attempt 1 of 3, 6 s elapsed, 0 of 2 completions so far)",
                "llm: attempt 1 of 3 to m at http://h/v1 failed (HTTP 503: busy); retrying in 2 s",
                "llm: waiting for m at http://h/v1 (attempt 2 of 3, 6 s elapsed, 0 of 2 completions so far)"), lines);
    }

    @Test
    void aSlowServerGetsWaitingLinesWithoutTheKey() throws IOException {
        long waitedMs;
        try (MockWebServer server = new MockWebServer()) {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            server.enqueue(Fixtures.ok(Fixtures.GOOD_1, Fixtures.GOOD_2).setHeadersDelay(600, TimeUnit.MILLISECONDS));
            // Real clock and poller, scaled down: after 100 ms, every 100 ms, polled every 20 ms.
            WaitingReporter r = new WaitingReporter(lines::add, System::nanoTime, Duration.ofMillis(100),
                    Duration.ofMillis(100), Duration.ofMillis(20));
            LlmConfig c = Fixtures.config(server, dir);
            try (LlmSeeder s = new LlmSeeder(c, Fixtures.env(Map.of("OPENAI_API_KEY", Fixtures.KEY)),
                    new Fixtures.RecordingSleeper(), Fixtures.CLOCK, new Random(3), r)) {
                long t0 = System.nanoTime();
                assertEquals(1, s.seeds("DoorKey", 1).programs().size());
                waitedMs = (System.nanoTime() - t0) / 1_000_000;
            }
            int seen = lines.size();
            // one line per 100 ms after the first 100: bounded by the wait as it really was (a loaded machine stretches it)
            assertTrue(seen >= 2 && seen <= waitedMs / 100 + 1, "about one line per 100 ms of the " + waitedMs + " ms wait: " + lines);
            for (String l : lines) {
                assertTrue(l.matches("llm: waiting for test-model at http://[^ ]+/v1 \\(attempt 1 of 3, \\d+ s elapsed, "
                        + "0 of 2 completions so far\\)"), l);
                assertFalse(l.contains(Fixtures.KEY));
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(seen, lines.size(), "closing the seeder stops the poller");
        }
    }
}
