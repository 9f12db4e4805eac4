package io.github.llmgs.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Shared helpers: chat-completion bodies, a recording sleeper, a fixed clock, configs. */
final class Fixtures {
    private Fixtures() {}

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String KEY = "sk-test-SECRET-0123456789abcdef";
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String GOOD_1 = "Here you go.\n```python\ndef run():\n    while frontIsClear():\n        move()\n```\n"
            + "```\nDEF run m( WHILE c( frontIsClear c) w( move w) m)\n```\n";
    static final String GOOD_2 = "```python\ndef run():\n    for i in range(4):\n        turnLeft()\n        putMarker()\n```";
    static final String BAD_ELIF = "```python\ndef run():\n    if frontIsClear():\n        move()\n    elif leftIsClear():\n"
            + "        turnLeft()\n```";
    static final String BAD_PROSE = "I would walk around the map and pick markers.";

    /** A chat-completions body with these completions and some usage. */
    static String body(String... contents) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", "chatcmpl-1");
        root.put("object", "chat.completion");
        root.put("model", "test-model-2025");
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < contents.length; i++) {
            ObjectNode c = choices.addObject();
            c.put("index", i);
            c.putObject("message").put("role", "assistant").put("content", contents[i]);
            c.put("finish_reason", "stop");
        }
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10 * contents.length)
                .put("total_tokens", 100 + 10 * contents.length);
        return root.toString();
    }

    static MockResponse ok(String... contents) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body(contents));
    }

    /** Records the delays it is asked for instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> delays = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            delays.add(d);
        }
    }

    static Function<String, String> env(Map<String, String> vars) {
        return vars::get;
    }

    static LlmConfig config(MockWebServer server, Path dir) {
        return LlmConfig.defaults()
                .withBaseUrl(server.url("/v1").toString())
                .withModel("test-model")
                .withSeed(42L)
                .withMaxAttempts(3)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withLogFile(dir == null ? null : dir.resolve("llm.jsonl"));
    }

    static LlmSeeder seeder(LlmConfig c, Map<String, String> vars, Sleeper sleeper) {
        return new LlmSeeder(c, env(vars), sleeper, CLOCK, new Random(3));
    }
}
