package io.github.llmgs.llm;

/**
 * An LLM request or configuration that failed. The message is one line naming the problem and
 * the endpoint (without secrets), fit for {@code llmgs: error: MESSAGE}.
 */
public class LlmException extends RuntimeException {
    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
