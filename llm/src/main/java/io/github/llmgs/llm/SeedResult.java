package io.github.llmgs.llm;

import io.github.llmgs.dsl.Node;
import java.util.List;

/**
 * What one {@link LlmSeeder#seeds} call produced.
 *
 * @param task                 the task's canonical name
 * @param programs             the valid programs, in the order their completions arrived (at most
 *                             the number asked for)
 * @param requested            the number of programs asked for
 * @param completionsRequested completions asked for, over all attempts (sum of ceil(1.5 x missing))
 * @param completionsReceived  completions actually received
 * @param completionsValid     completions that gave a parsable program (may exceed programs.size()
 *                             when the last attempt over-delivered)
 * @param requests             HTTP requests (or cache hits / replayed responses) made
 * @param attempts             over-generation attempts used (at most 3)
 * @param promptTokens         prompt tokens reported by the responses used (cached/replayed included)
 * @param completionTokens     completion tokens reported likewise
 * @param totalTokens          total tokens reported likewise
 * @param model                the model asked for
 * @param endpoint             the base URL without secrets ("replay" details for a replay)
 * @param source               where the responses came from: network, cache, replay, or a '+' mix
 */
public record SeedResult(
        String task,
        List<Node.Program> programs,
        int requested,
        int completionsRequested,
        int completionsReceived,
        int completionsValid,
        int requests,
        int attempts,
        long promptTokens,
        long completionTokens,
        long totalTokens,
        String model,
        String endpoint,
        String source) {

    public SeedResult {
        programs = List.copyOf(programs);
    }
}
