package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.llm.LlmCancelledException;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.search.method.SeedSource;
import io.github.llmgs.search.run.RunDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM flags and what `llmgs search` says when an LLM setting, cache, replay or endpoint is wrong. */
class LlmOptionsTest {

    @TempDir
    Path tmp;

    /** A port nobody listens on: these runs must fail before contacting it. */
    private static final String NOWHERE = "http://127.0.0.1:9/v1";

    private Cli.Result search(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("search", "--task", "DoorKey", "--method", "llm-gs",
                "--budget", "200", "--backend", "cpu", "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void anUnknownPromptModeIsAnErrorEvenWithoutAnEndpoint() {
        search("--llm-prompt-mode", "weird").assertUserError(
                "--llm-prompt-mode: unknown prompt mode 'weird'; known modes: python-to-dsl, python, dsl");
    }

    @Test
    void badNetworkFlagsAreOneLine() {
        search("--llm-read-timeout", "abc").assertUserError(
                "--llm-read-timeout: expected a positive number of seconds up to 86400, got 'abc'");
        search("--llm-connect-timeout", "0").assertUserError(
                "--llm-connect-timeout: expected a positive number of seconds up to 86400, got '0'");
        search("--llm-call-timeout", "-5").assertUserError(
                "--llm-call-timeout: expected a positive number of seconds up to 86400, got '-5'");
        search("--llm-max-attempts", "0").assertUserError(
                "--llm-max-attempts: expected a whole number in 1..100, got '0'");
        search("--llm-max-response-bytes", "4MB").assertUserError(
                "--llm-max-response-bytes: expected a whole number in 1024..1073741824, got '4MB'");
    }

    @Test
    void aCacheThatCannotBeWrittenIsNamedBeforeAnyRequest() throws IOException {
        Path file = Files.writeString(tmp.resolve("cache"), "not a directory");
        search("--llm-base-url", NOWHERE, "--llm-api-key-env", "LLMGS_TEST_UNSET_KEY", "--llm-cache", file.toString())
                .assertUserError("cannot use the LLM cache directory " + file
                        + ": a file that is not a directory is in the way");
    }

    @Test
    void aGarbageOrTruncatedReplayIsNamedWithTheLine() throws IOException {
        Path garbage = Files.writeString(tmp.resolve("garbage.jsonl"), "{\"type\":\"session\"}\n%PDF-1.4\n");
        search("--llm-replay", garbage.toString()).assertUserErrorStartsWith("replay file " + garbage + ":2: not JSON (");
        Path cut = Files.writeString(tmp.resolve("cut.jsonl"), "{\"type\":\"session\"}\n{\"type\":\"resp");
        search("--llm-replay", cut.toString()).assertUserError("replay file " + cut + ":2: the last record is truncated "
                + "(the file ends mid-line; was the recorded run killed while writing it?)");
        Path binary = tmp.resolve("x.bin");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        search("--llm-replay", binary.toString()).assertUserError("replay file " + binary
                + ":1: a binary file, not an llm.jsonl (NUL byte)");
    }

    @Test
    void aReplayOfAnotherTaskIsRefused() throws IOException {
        Path doorKey = Files.writeString(tmp.resolve("llm.jsonl"), "{\"type\":\"session\",\"model\":\"m\",\"seed\":0}\n"
                + "{\"type\":\"request\",\"id\":0,\"task\":\"DoorKey\",\"n\":48}\n"
                + "{\"type\":\"response\",\"id\":0,\"completions\":[]}\n");
        Cli.Result r = Cli.run("search", "--task", "Maze", "--method", "llm-gs", "--budget", "200", "--backend", "cpu",
                "--out", tmp.resolve("out").toString(), "--llm-replay", doorKey.toString());
        r.assertUserErrorStartsWith("replay file " + doorKey + " was recorded for task DoorKey, this run is Maze");
        assertEquals(1, r.err().lines().count(), r::show);
    }

    @Test
    void prepareWithTheTaskRefusesAnotherTasksReplayBeforeTheRun() throws IOException {
        Path doorKey = Files.writeString(tmp.resolve("llm.jsonl"), "{\"type\":\"session\",\"model\":\"m\"}\n"
                + "{\"type\":\"request\",\"id\":0,\"task\":\"DoorKey\"}\n{\"type\":\"response\",\"completions\":[]}\n");
        LlmOptions o = new LlmOptions();
        o.replay = doorKey;
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CliException e = assertThrows(CliException.class,
                () -> o.prepare(io.github.llmgs.search.config.SearchConfig.loadDefault(), out, "Maze"));
        assertEquals("replay file " + doorKey + " was recorded for task DoorKey, this run is Maze", e.getMessage());
        assertTrue(o.prepare(io.github.llmgs.search.config.SearchConfig.loadDefault(), out, "DoorKey").replaying());
    }

    @Test
    void serverErrorsAfterTheLastAttemptAreOneLine() throws IOException {
        try (MockWebServer server = LoopbackLlm.answering("fake-model",
                new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"boom\"}}"))) {
            String url = server.url("/v1").toString();
            Cli.Result r = search("--llm-base-url", url, "--llm-model", "fake-model", "--llm-api-key-env",
                    "LLMGS_TEST_UNSET_KEY", "--llm-max-attempts", "1");
            // The run had started (its lines are on stdout); the failure is still one line, exit 2.
            r.assertUserErrorStartsWith("LLM request to " + server.url("/v1/chat/completions")
                    + " failed after 1 attempt: HTTP 500: boom");
            assertEquals("llmgs: error: LLM request to " + server.url("/v1/chat/completions")
                    + " failed after 1 attempt: HTTP 500: boom", r.err().strip(), r::show);
        }
    }

    private static LlmConfig patient(MockWebServer server) {
        return LlmConfig.defaults().withBaseUrl(server.url("/v1").toString()).withModel("m")
                .withApiKeyEnv("LLMGS_TEST_UNSET_KEY")
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private SeedSource source(LlmConfig llm, PrintStream out) {
        RunDirectory dir = RunDirectory.claim(tmp.resolve("run"), folder -> java.util.Optional.empty());
        return LlmOptions.seedSource(llm, "DoorKey", 0, dir, new LinkedHashMap<>(), out);
    }

    @Test
    void cancelStopsASeedSourceWaitingOnAHangingServer() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            SeedSource s = source(patient(server), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            CompletableFuture<List<Node.Program>> call = CompletableFuture.supplyAsync(() -> s.seeds(32));
            assertTrue(server.takeRequest(5, TimeUnit.SECONDS) != null, "the request reached the server");
            Thread.sleep(300);
            s.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS));
            assertInstanceOf(LlmCancelledException.class, e.getCause());
            assertEquals("LLM request cancelled (interrupted)", e.getCause().getMessage());
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void cancelBeforeTheSeederExistsMakesNoRequest() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            SeedSource s = source(patient(server), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            s.cancel();
            assertThrows(LlmCancelledException.class, () -> s.seeds(32));
            assertEquals(0, server.getRequestCount());
        }
    }
}
