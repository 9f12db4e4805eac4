package io.github.llmgs.search.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.search.config.Seeds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A {@code POST /v1/evaluate} body, checked field by field: {@code task} (a name), {@code programs}
 * (strings in LEAPS tokens), {@code seeds} (optional: "0-31" or an array of integers; default the
 * run settings' seeds) and {@code per_episode} (optional boolean). Programs are parsed later, each
 * in its own slot; everything else wrong here is an {@link ApiError}.
 */
record EvaluateRequest(String task, List<String> programs, long[] seeds, boolean perEpisode) {
    private static final Set<String> FIELDS = Set.of("task", "programs", "seeds", "per_episode");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(ServeLimits.MAX_NESTING).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static EvaluateRequest parse(byte[] body, ServeLimits limits) {
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
            if (!FIELDS.contains(name)) throw new ApiError(422, clip(name), "unknown field; known: task, programs, seeds, per_episode");
        }
        JsonNode task = root.get("task");
        if (task == null || !task.isTextual() || task.asText().isBlank()) {
            throw new ApiError(422, "task", "a task name is required, e.g. \"DoorKey\" (see GET /v1/tasks)");
        }
        JsonNode programs = root.get("programs");
        if (programs == null || !programs.isArray()) throw new ApiError(422, "programs", "an array of program strings is required");
        if (programs.isEmpty()) throw new ApiError(422, "programs", "no programs");
        if (programs.size() > limits.maxPrograms()) {
            throw new ApiError(413, "programs", programs.size() + " programs; at most " + limits.maxPrograms() + " per request");
        }
        List<String> texts = new ArrayList<>(programs.size());
        for (int i = 0; i < programs.size(); i++) {
            JsonNode p = programs.get(i);
            String field = "programs[" + i + "]";
            if (!p.isTextual()) throw new ApiError(422, field, "a program is a string in LEAPS tokens");
            String text = p.asText();
            int tokens = tokens(text);
            if (tokens > limits.maxTokens()) {
                throw new ApiError(422, field, tokens + " tokens; at most " + limits.maxTokens() + " per program");
            }
            texts.add(text);
        }
        long[] seeds = seeds(root.get("seeds"), limits);
        JsonNode perEpisode = root.get("per_episode");
        if (perEpisode != null && !perEpisode.isNull() && !perEpisode.isBoolean()) {
            throw new ApiError(422, "per_episode", "true or false");
        }
        return new EvaluateRequest(task.asText().strip(), List.copyOf(texts), seeds,
                perEpisode != null && perEpisode.asBoolean(false));
    }

    /** Null: the run settings' seeds. */
    private static long[] seeds(JsonNode node, ServeLimits limits) {
        if (node == null || node.isNull()) return null;
        long[] seeds;
        if (node.isTextual()) {
            try {
                seeds = Seeds.parse(node.asText());
            } catch (IllegalArgumentException e) {
                throw new ApiError(422, "seeds", firstLine(e.getMessage()));
            } catch (OutOfMemoryError e) {
                throw new ApiError(413, "seeds", "too many seeds; at most " + limits.maxSeeds());
            }
        } else if (node.isArray()) {
            if (node.size() > limits.maxSeeds()) {
                throw new ApiError(413, "seeds", node.size() + " seeds; at most " + limits.maxSeeds() + " per request");
            }
            seeds = new long[node.size()];
            for (int i = 0; i < seeds.length; i++) {
                JsonNode s = node.get(i);
                if (!s.canConvertToLong() || !s.isIntegralNumber() || s.asLong() < 0 || s.asLong() > 0xFFFF_FFFFL) {
                    throw new ApiError(422, "seeds[" + i + "]", "an instance seed is an integer 0..4294967295");
                }
                seeds[i] = s.asLong();
            }
        } else {
            throw new ApiError(422, "seeds", "a seed list such as \"0-31\" or an array of integers");
        }
        if (seeds.length == 0) throw new ApiError(422, "seeds", "no seeds");
        if (seeds.length > limits.maxSeeds()) {
            throw new ApiError(413, "seeds", seeds.length + " seeds; at most " + limits.maxSeeds() + " per request");
        }
        return seeds;
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

    static String firstLine(String m) {
        return m == null ? "" : clip(m.strip().lines().findFirst().orElse(""));
    }

    private static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
