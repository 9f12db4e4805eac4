package io.github.llmgs.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * What a prompt says of one task: its map, start, goal and return (and, for a task with a Sparse
 * variant, the sparse return). Each task's text is a file of its own,
 * {@code io/github/llmgs/llm/<domain>/tasks/<Task>.json}, so a task's prompt is edited in one place.
 */
public record TaskText(String map, String start, String goal, String ret, String sparseReturn) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The task's text from its file; a missing file or field is a build error, named. */
    public static TaskText load(String domain, String task) {
        String resource = "/io/github/llmgs/llm/" + domain + "/tasks/" + task + ".json";
        try (InputStream in = TaskText.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the classpath");
            JsonNode n = JSON.readTree(in);
            return new TaskText(field(n, "map", resource), field(n, "start", resource), field(n, "goal", resource),
                    field(n, "return", resource), n.path("sparse_return").isTextual() ? n.get("sparse_return").asText() : null);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    private static String field(JsonNode n, String name, String resource) {
        if (!n.path(name).isTextual()) throw new IllegalStateException(resource + ": field '" + name + "' missing");
        return n.get(name).asText();
    }
}
