package io.github.llmgs.llm;

import java.time.Duration;
import java.util.Random;

/**
 * Bounded retries with exponential backoff and jitter. Attempt k (1-based) that failed waits
 * {@code min(maxDelay, baseDelay * 2^(k-1))} scaled by a factor drawn uniformly from [0.5, 1)
 * — unless the server sent Retry-After, which is honoured as given (up to {@code maxRetryAfter};
 * a longer wait is not attempted).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    public static RetryPolicy defaults(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** The backoff after failed attempt {@code attempt} (1-based), with jitter from {@code random}. */
    public Duration backoff(int attempt, Random random) {
        double base = baseDelay.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(base, (double) maxDelay.toMillis());
        double jittered = capped * (0.5 + 0.5 * random.nextDouble());
        return Duration.ofMillis(Math.round(jittered));
    }
}
