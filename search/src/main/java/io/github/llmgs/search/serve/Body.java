package io.github.llmgs.search.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * A request body read as one JSON object of known fields, the same way for every route: bounded
 * nesting, no duplicate keys, nothing after the object. Whatever is wrong is an {@link ApiError}
 * naming the field.
 */
final class Body {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(ServeLimits.MAX_NESTING).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Body() {}

    /** The body's object, every field of it one of {@code fields}. */
    static JsonNode object(byte[] body, List<String> fields) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, null, "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ApiError(400, null, "malformed JSON");
        }
        if (root == null || root.isMissingNode()) throw new ApiError(400, null, "empty body; send a JSON object");
        if (!root.isObject()) throw new ApiError(422, null, "the body must be a JSON object");
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) throw new ApiError(422, clip(name), "unknown field; known: " + String.join(", ", fields));
        }
        return root;
    }

    /** The task name, required. */
    static String task(JsonNode root) {
        JsonNode task = root.get("task");
        if (task == null || !task.isTextual() || task.asText().isBlank()) {
            throw new ApiError(422, "task", "a task name is required, e.g. \"DoorKey\" (see GET /v1/tasks)");
        }
        return task.asText().strip();
    }

    /** An optional boolean. */
    static boolean flag(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node != null && !node.isNull() && !node.isBoolean()) throw new ApiError(422, field, "true or false");
        return node != null && node.asBoolean(false);
    }

    /** An optional integer in {@code min..max}, {@code otherwise} when absent. */
    static long integer(JsonNode root, String field, long min, long max, long otherwise, String what) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return otherwise;
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw new ApiError(422, field, what + " is an integer " + min + ".." + max);
        }
        return node.asLong();
    }

    /** LEAPS tokens are separated by white space; counted before parsing, so a huge program costs nothing. */
    static int tokens(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !in) n++;
            in = !space;
        }
        return n;
    }

    /** A program string of at most the limit's tokens. */
    static String program(JsonNode node, String field, ServeLimits limits) {
        if (node == null || !node.isTextual()) throw new ApiError(422, field, "a program is a string in LEAPS tokens");
        String text = node.asText();
        int tokens = tokens(text);
        if (tokens > limits.maxTokens()) {
            throw new ApiError(422, field, tokens + " tokens; at most " + limits.maxTokens() + " per program");
        }
        return text;
    }

    static String firstLine(String m) {
        return m == null ? "" : clip(m.strip().lines().findFirst().orElse(""));
    }

    private static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
