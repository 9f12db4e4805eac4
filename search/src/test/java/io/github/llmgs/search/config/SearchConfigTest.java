package io.github.llmgs.search.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.llmgs.llm.LlmConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SearchConfigTest {
    /** The file in the repository (tests run in the module directory). */
    static final Path REPO_FILE = Path.of("..", "configs", "search.json");

    private static String error(String json) {
        return assertThrows(ConfigException.class, () -> SearchConfig.parse(json, "F")).getMessage();
    }

    private static String llmError(String fields) {
        return error("{\"llm\": {" + fields + "}}");
    }

    @Test
    void theRepositoryFileAndTheJarGiveTheLlmDefaults() {
        for (SearchConfig c : new SearchConfig[] {SearchConfig.load(REPO_FILE), SearchConfig.loadDefault()}) {
            SearchConfig.Llm l = c.llm();
            assertNull(l.baseUrl());
            assertEquals(LlmConfig.DEFAULT_CONNECT_TIMEOUT, l.connectTimeout());
            assertEquals(Duration.ofSeconds(300), l.readTimeout());
            assertEquals(Duration.ofSeconds(600), l.callTimeout());
            assertEquals(5, l.maxAttempts());
            assertEquals(4L * 1024 * 1024, l.maxResponseBytes());
            assertEquals("python-to-dsl", l.promptMode());
        }
        assertEquals(SearchConfig.parse("{}", "F").llm(), SearchConfig.load(REPO_FILE).llm(),
                "the file states the built-in defaults");
    }

    @Test
    void llmNetworkSettingsAreRead() {
        SearchConfig.Llm l = SearchConfig.parse("{\"llm\": {\"connect_timeout_s\": 2.5, \"read_timeout_s\": 30, "
                + "\"call_timeout_s\": 45, \"max_attempts\": 2, \"max_response_bytes\": 65536}}", "F").llm();
        assertEquals(Duration.ofMillis(2500), l.connectTimeout());
        assertEquals(Duration.ofSeconds(30), l.readTimeout());
        assertEquals(Duration.ofSeconds(45), l.callTimeout());
        assertEquals(2, l.maxAttempts());
        assertEquals(65536, l.maxResponseBytes());
    }

    @Test
    void nullIsNoValue() {
        assertEquals("F: field 'batch': must be a positive integer, got null (leave the field out for the default)",
                error("{\"batch\": null}"));
        assertEquals("F: field 'method': must be a string, got null (leave the field out for the default)",
                error("{\"method\": null}"));
        assertEquals("F: field 'llm': must be an object, got null", error("{\"llm\": null}"));
        assertEquals("F: field 'llm.temperature': must be a number, got null (leave the field out for the default)",
                llmError("\"temperature\": null"));
        assertEquals("F: field 'llm.read_timeout_s': must be a number of seconds, got null (leave the field out for "
                + "the default)", llmError("\"read_timeout_s\": null"));
        assertEquals("F: field 'llm.base_url': must be a string, got null (leave the field out for the default)",
                llmError("\"base_url\": null"));
    }

    @Test
    void countsArePositiveAndFitTheirType() {
        assertEquals("F: field 'batch': must be a positive integer up to 2147483647, got 0", error("{\"batch\": 0}"));
        assertEquals("F: field 'batch': must be a positive integer up to 2147483647, got 3000000000",
                error("{\"batch\": 3000000000}"));
        assertEquals("F: field 'budget': must be a positive integer, got -1", error("{\"budget\": -1}"));
        assertEquals("F: field 'hc_k': must be a positive integer up to 2147483647, got 2.5", error("{\"hc_k\": 2.5}"));
        assertEquals("F: field 'shc_k_start': must be a positive integer up to 2147483647, got \"32\"",
                error("{\"shc_k_start\": \"32\"}"));
        assertEquals("F: field 'llm.max_attempts': must be a positive integer up to 100, got 0",
                llmError("\"max_attempts\": 0"));
        assertEquals("F: field 'llm.max_response_bytes': must be an integer in 1024..1073741824, got 10",
                llmError("\"max_response_bytes\": 10"));
    }

    @Test
    void llmSettingsOutOfRangeNameTheField() {
        assertEquals("F: field 'llm.read_timeout_s': must be a positive number of seconds up to 86400, got 0",
                llmError("\"read_timeout_s\": 0"));
        assertEquals("F: field 'llm.call_timeout_s': must be a positive number of seconds up to 86400, got \"10m\"",
                llmError("\"call_timeout_s\": \"10m\""));
        assertEquals("F: field 'llm.connect_timeout_s': must be a positive number of seconds up to 86400, got 100000",
                llmError("\"connect_timeout_s\": 100000"));
        assertEquals("F: field 'llm.temperature': must be in 0..2, got 3.0", llmError("\"temperature\": 3"));
        assertEquals("F: field 'llm.top_p': must be in (0, 1], got 0.0", llmError("\"top_p\": 0"));
        assertEquals("F: field 'llm.prompt_mode': unknown prompt mode 'weird'; known modes: python-to-dsl, python, dsl",
                llmError("\"prompt_mode\": \"weird\""));
        assertEquals("F: field 'llm.timeout': unknown field (known: api_key_env, base_url, call_timeout_s, "
                + "connect_timeout_s, max_attempts, max_response_bytes, max_tokens, model, prompt_mode, read_timeout_s, "
                + "temperature, top_p)", llmError("\"timeout\": 5"));
    }
}
