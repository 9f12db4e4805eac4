package io.github.llmgs.llm;

/**
 * Fewer valid programs than asked for after every attempt (or a request that failed part-way).
 * {@link #partial()} holds the programs that were valid, so the caller can still use them.
 */
public final class InsufficientSeedsException extends LlmException {
    private final transient SeedResult partial;

    public InsufficientSeedsException(String message, SeedResult partial, Throwable cause) {
        super(message, cause);
        this.partial = partial;
    }

    /** What was obtained before giving up: the valid programs and the counts. */
    public SeedResult partial() {
        return partial;
    }
}
