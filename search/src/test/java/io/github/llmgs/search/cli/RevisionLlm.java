package io.github.llmgs.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted OpenAI-compatible server on loopback for revision runs: it lists one model, keeps
 * every chat request's user message (at most {@link #MAX_KEPT}) and answers each request's n
 * choices from a fixed cycle of a valid Python program, an invalid one, a valid DSL block and
 * prose without code.
 */
final class RevisionLlm implements AutoCloseable {
    static final int MAX_KEPT = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Karel: the Python program's DSL, and the DSL-only program, as the answers write them. */
    static final String KAREL_PYTHON_DSL = "DEF run m( WHILE c( frontIsClear c) w( move w) turnLeft IF c( markersPresent c) i( pickMarker i) m)";
    static final String KAREL_DSL = "DEF run m( REPEAT R=3 r( move turnRight r) putMarker m)";
    private static final String[] KAREL = {
        "Here it is.\\n```python\\ndef run():\\n    while frontIsClear():\\n        move()\\n    turnLeft()\\n"
                + "    if markersPresent():\\n        pickMarker()\\n```",
        "```python\\ndef run():\\n    x = 3\\n    if frontIsClear() and leftIsClear():\\n        move()\\n```",
        "```\\n" + KAREL_DSL + "\\n```",
        "The agent should find the key first and then open the door."};
    private static final String[] MINIGRID = {
        "```python\\ndef run():\\n    while front_is_clear():\\n        forward()\\n    left()\\n    forward()\\n```",
        "```python\\ndef run():\\n    while True:\\n        forward()\\n```",
        "```\\nDEF run m( REPEAT R=3 r( forward right r) toggle m)\\n```",
        "Walk to the goal while avoiding lava."};

    private final MockWebServer server = new MockWebServer();
    private final List<String> users = new ArrayList<>();

    private RevisionLlm(String model, String[] pool, int port) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("GET".equals(request.getMethod())) {
                    return new MockResponse().setBody("{\"data\":[{\"id\":\"" + model + "\"}]}");
                }
                JsonNode body;
                try {
                    body = JSON.readTree(request.getBody().readUtf8());
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(400);
                }
                synchronized (users) {
                    if (users.size() < MAX_KEPT) users.add(body.get("messages").get(1).get("content").asText());
                }
                int n = body.get("n").asInt();
                StringBuilder choices = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    if (k > 0) choices.append(',');
                    choices.append("{\"index\":").append(k).append(",\"message\":{\"role\":\"assistant\",\"content\":\"")
                            .append(pool[k % pool.length]).append("\"},\"finish_reason\":\"stop\"}");
                }
                return new MockResponse().setBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[" + choices
                        + "],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":" + 50 * n + ",\"total_tokens\":"
                        + (100 + 50 * n) + "}}");
            }
        });
        server.start(InetAddress.getLoopbackAddress(), port);
    }

    static RevisionLlm karel(String model) throws IOException {
        return new RevisionLlm(model, KAREL, 0);
    }

    /** On a given port: the endpoint is part of a cache key, so a second server must be the same URL. */
    static RevisionLlm karel(String model, int port) throws IOException {
        return new RevisionLlm(model, KAREL, port);
    }

    int port() {
        return server.getPort();
    }

    static RevisionLlm miniGrid(String model) throws IOException {
        return new RevisionLlm(model, MINIGRID, 0);
    }

    String url() {
        return server.url("/v1").toString();
    }

    /** The user messages received so far, in order. */
    List<String> users() {
        synchronized (users) {
            return List.copyOf(users);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
