package io.github.llmgs.llm;

import static io.github.llmgs.llm.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAndPreflightTest {

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

    private static Optional<String> problem(LlmConfig c, Map<String, String> env) {
        return LlmConfig.problem(c, env::get);
    }

    @Test
    void hostedServicesNeedAKey() {
        LlmConfig openai = LlmConfig.defaults().withBaseUrl("https://api.openai.com/v1");
        assertEquals(Optional.of("no API key for https://api.openai.com/v1: set the environment variable "
                + "OPENAI_API_KEY (or name another one with --llm-api-key-env)"), problem(openai, Map.of()));
        assertEquals(Optional.empty(), problem(openai, Map.of("OPENAI_API_KEY", KEY)));
        LlmConfig router = LlmConfig.defaults().withBaseUrl("https://openrouter.ai/api/v1")
                .withApiKeyEnv("OPENROUTER_API_KEY").withModel("meta-llama/llama-3.1-70b-instruct");
        assertTrue(problem(router, Map.of("OPENAI_API_KEY", KEY)).orElseThrow().contains("OPENROUTER_API_KEY"));
        assertEquals(Optional.empty(), problem(router, Map.of("OPENROUTER_API_KEY", KEY)));
        LlmException e = assertThrows(LlmException.class, () -> LlmConfig.validate(openai, k -> null));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void localServersNeedNoKey() {
        for (String url : new String[] {"http://localhost:11434/v1", "http://127.0.0.1:8000/v1",
                "http://localhost:8080/v1", "http://gpu-box.lan:1234/v1/"}) {
            assertEquals(Optional.empty(), problem(LlmConfig.defaults().withBaseUrl(url).withModel("m"), Map.of()), url);
        }
    }

    @Test
    void malformedUrlsAndSettings() {
        assertTrue(problem(LlmConfig.defaults().withBaseUrl("localhost:11434/v1"), Map.of()).orElseThrow()
                .startsWith("malformed LLM base URL 'localhost:11434/v1'"));
        assertTrue(problem(LlmConfig.defaults().withBaseUrl("ftp://x/v1"), Map.of()).orElseThrow()
                .startsWith("malformed LLM base URL"));
        String secretUrl = problem(LlmConfig.defaults().withBaseUrl("htp://user:hunter2@host/v1"), Map.of()).orElseThrow();
        assertFalse(secretUrl.contains("hunter2"), secretUrl);
        assertTrue(problem(LlmConfig.defaults(), Map.of()).orElseThrow().startsWith("no LLM endpoint configured"));
        assertTrue(problem(LlmConfig.defaults().withBaseUrl("http://h/v1").withSampling(3.0, 1.0, null), Map.of())
                .orElseThrow().contains("temperature"));
        assertTrue(problem(LlmConfig.defaults().withBaseUrl("http://h/v1").withMaxAttempts(0), Map.of())
                .orElseThrow().contains("attempts"));
        String pasted = problem(LlmConfig.defaults().withBaseUrl("http://h/v1").withApiKeyEnv(KEY), Map.of()).orElseThrow();
        assertFalse(pasted.contains(KEY), "a key pasted as the variable name must not be echoed");
        assertTrue(problem(LlmConfig.defaults().withReplayFile(dir.resolve("missing.jsonl")), Map.of()).orElseThrow()
                .endsWith("missing.jsonl not found"));
    }

    @Test
    void baseUrlNormalisation() {
        assertEquals("http://localhost:11434/v1", Endpoint.parse("http://localhost:11434/v1/").display());
        assertEquals("http://localhost:11434/v1/chat/completions",
                Endpoint.parse("http://localhost:11434/v1/chat/completions").chatDisplay());
        assertEquals("https://openrouter.ai/api/v1/models", Endpoint.parse("https://openrouter.ai/api/v1").modelsDisplay());
        assertEquals("http://h/v1", Endpoint.parse("http://u:p@h/v1?api-version=1").display());
        assertEquals("http://h/v1/chat/completions?api-version=1",
                Endpoint.parse("http://h/v1?api-version=1").chatUrl().toString());
    }

    private LlmSeeder seeder(String model, Map<String, String> env) {
        LlmConfig c = LlmConfig.defaults().withBaseUrl(server.url("/v1").toString()).withModel(model)
                .withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(4));
        return new LlmSeeder(c, env::get, d -> { }, Fixtures.CLOCK, new java.util.Random(1));
    }

    @Test
    void preflightFindsTheModel() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:latest\"},{\"id\":\"qwen2.5-coder:7b\"}]}"));
        try (LlmSeeder s = seeder("llama3.1", Map.of())) {
            assertTrue(s.preflight().contains("model 'llama3.1' available"));
        }
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/v1/models", r.getPath());
    }

    @Test
    void preflightReportsAnUnknownModel() {
        server.enqueue(new MockResponse().setBody("{\"data\":[{\"id\":\"gpt-4o\"},{\"id\":\"gpt-4o-mini\"}]}"));
        try (LlmSeeder s = seeder("gpt-5-nonexistent", Map.of())) {
            LlmException e = assertThrows(LlmException.class, s::preflight);
            assertEquals("model 'gpt-5-nonexistent' not found at " + server.url("/v1").toString().replaceAll("/$", "")
                    + "; it serves: gpt-4o, gpt-4o-mini", e.getMessage());
        }
    }

    @Test
    void preflightToleratesServersWithoutModelsOrThatServeAnyName() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("not found"));
        server.enqueue(new MockResponse().setBody("{\"data\":[{\"id\":\"/models/qwen.gguf\",\"owned_by\":\"llamacpp\"}]}"));
        try (LlmSeeder s = seeder("anything", Map.of())) {
            assertTrue(s.preflight().contains("not checked"));
            assertTrue(s.preflight().contains("not checked"));
        }
    }

    @Test
    void preflightReportsRefusalAndUnreachable() throws IOException {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"message\":\"bad key " + KEY + "\"}}"));
        try (LlmSeeder s = seeder("m", Map.of("OPENAI_API_KEY", KEY))) {
            LlmException e = assertThrows(LlmException.class, s::preflight);
            assertTrue(e.getMessage().contains("/v1/models refused the request with HTTP 401"), e.getMessage());
            assertFalse(e.getMessage().contains(KEY));
        }
        String url = server.url("/v1").toString();
        server.shutdown();
        LlmConfig c = LlmConfig.defaults().withBaseUrl(url).withModel("m");
        try (LlmSeeder s = new LlmSeeder(c, k -> null, d -> { }, Fixtures.CLOCK, new java.util.Random())) {
            LlmException e = assertThrows(LlmException.class, s::preflight);
            assertTrue(e.getMessage().startsWith("cannot reach LLM endpoint " + url.replaceAll("/$", "") + ": "),
                    e.getMessage());
        }
    }

    @Test
    void seederRefusesABadConfigWithOneLine() {
        LlmException e = assertThrows(LlmException.class,
                () -> new LlmSeeder(LlmConfig.defaults().withBaseUrl("https://api.openai.com/v1"), k -> null,
                        d -> { }, Fixtures.CLOCK, new java.util.Random()));
        assertTrue(e.getMessage().startsWith("no API key for https://api.openai.com/v1"));
    }
}
