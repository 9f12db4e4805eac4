package io.github.llmgs.search.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.search.config.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /v1/evaluate} body, checked field by field: {@code task} (a name), {@code programs}
 * (strings in LEAPS tokens), {@code seeds} (optional: "0-31" or an array of integers; default the
 * run settings' seeds) and {@code per_episode} (optional boolean). Programs are parsed later, each
 * in its own slot; everything else wrong here is an {@link ApiError}.
 */
record EvaluateRequest(String task, List<String> programs, long[] seeds, boolean perEpisode) {
    private static final List<String> FIELDS = List.of("task", "programs", "seeds", "per_episode");

    static EvaluateRequest parse(byte[] body, ServeLimits limits) {
        JsonNode root = Body.object(body, FIELDS);
        String task = Body.task(root);
        JsonNode programs = root.get("programs");
        if (programs == null || !programs.isArray()) throw new ApiError(422, "programs", "an array of program strings is required");
        if (programs.isEmpty()) throw new ApiError(422, "programs", "no programs");
        if (programs.size() > limits.maxPrograms()) {
            throw new ApiError(413, "programs", programs.size() + " programs; at most " + limits.maxPrograms() + " per request");
        }
        List<String> texts = new ArrayList<>(programs.size());
        for (int i = 0; i < programs.size(); i++) texts.add(Body.program(programs.get(i), "programs[" + i + "]", limits));
        long[] seeds = seeds(root.get("seeds"), limits);
        return new EvaluateRequest(task, List.copyOf(texts), seeds, Body.flag(root, "per_episode"));
    }

    /** Null: the run settings' seeds. */
    private static long[] seeds(JsonNode node, ServeLimits limits) {
        if (node == null || node.isNull()) return null;
        long[] seeds;
        if (node.isTextual()) {
            try {
                seeds = Seeds.parse(node.asText());
            } catch (IllegalArgumentException e) {
                throw new ApiError(422, "seeds", Body.firstLine(e.getMessage()));
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
}
