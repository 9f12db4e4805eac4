package io.github.llmgs.search.serve;

/**
 * What one request may ask of the server; beyond it the request is refused (413 for the body,
 * 422 for a value, 429 when too many requests are in flight, 503 past the time limit).
 *
 * @param maxBodyBytes    the most bytes a request body may have
 * @param maxPrograms     the most programs in one request
 * @param maxTokens       the most LEAPS tokens in one program
 * @param maxSeeds        the most instance seeds in one request
 * @param maxInFlight     evaluations running at once; one more is 429
 * @param requestSeconds  how long a request may take before it is answered 503
 */
public record ServeLimits(int maxBodyBytes, int maxPrograms, int maxTokens, int maxSeeds, int maxInFlight,
                          double requestSeconds) {
    public static final int MAX_NESTING = 32;

    public ServeLimits {
        if (maxBodyBytes < 16) throw new IllegalArgumentException("max body bytes must be >= 16, got " + maxBodyBytes);
        if (maxPrograms < 1) throw new IllegalArgumentException("max programs must be >= 1, got " + maxPrograms);
        if (maxTokens < 1) throw new IllegalArgumentException("max tokens must be >= 1, got " + maxTokens);
        if (maxSeeds < 1) throw new IllegalArgumentException("max seeds must be >= 1, got " + maxSeeds);
        if (maxInFlight < 1) throw new IllegalArgumentException("max in flight must be >= 1, got " + maxInFlight);
        if (!(requestSeconds > 0)) throw new IllegalArgumentException("request seconds must be > 0, got " + requestSeconds);
    }

    /** 1 MiB, 4096 programs of at most 512 tokens, 1024 seeds, 16 requests at once, 120 s each. */
    public static ServeLimits defaults() {
        return new ServeLimits(1 << 20, 4096, 512, 1024, 16, 120);
    }
}
