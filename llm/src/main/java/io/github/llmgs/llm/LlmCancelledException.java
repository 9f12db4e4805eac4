package io.github.llmgs.llm;

/**
 * A {@link LlmSeeder#seeds} call stopped by {@link LlmSeeder#cancel()} (Ctrl-C, SIGTERM): the
 * request in flight was abandoned and no further request was made.
 */
public final class LlmCancelledException extends LlmException {
    public LlmCancelledException() {
        super("LLM request cancelled (interrupted)");
    }
}
