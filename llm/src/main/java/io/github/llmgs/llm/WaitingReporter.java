package io.github.llmgs.llm;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells the user a slow LLM request is still alive: once an attempt has waited {@code after},
 * one line every {@code every}, e.g. {@code llm: waiting for gpt-4o at http://host/v1 (attempt 2
 * of 5, 12 s elapsed, 3 of 48 completions so far)}. Also says when an attempt failed and is
 * retried. The lines hold the model, the endpoint without secrets and counts, never the key.
 *
 * <p>The clock and the polling are injected: tests drive {@link #tick()} with a fake clock, the
 * real reporter polls on a daemon thread.
 */
final class WaitingReporter implements AutoCloseable {

    static final Duration DEFAULT_AFTER = Duration.ofSeconds(5);
    static final Duration DEFAULT_EVERY = Duration.ofSeconds(5);
    private static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    private final Consumer<String> sink;
    private final LongSupplier nanoTime;
    private final long afterNanos;
    private final long everyNanos;
    private final Duration poll;
    /** Started with the first attempt, so a seeder that never asks (a replay, a failed start) has no thread. */
    private ScheduledExecutorService poller;
    private boolean closed;

    private String target = "the LLM";
    private int completionsSoFar;
    private int completionsWanted;
    private int attempt;
    private int maxAttempts;
    private long attemptStart = -1;
    private long lastLine = -1;

    /**
     * @param poll how often a daemon thread calls {@link #tick()}; null: nobody does (tests call it)
     */
    WaitingReporter(Consumer<String> sink, LongSupplier nanoTime, Duration after, Duration every, Duration poll) {
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.afterNanos = after.toNanos();
        this.everyNanos = every.toNanos();
        this.poll = poll;
    }

    private void startPolling() {
        if (poller != null || closed || sink == null || poll == null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llmgs-llm-waiting");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleAtFixedRate(this::tick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The real one: after 5 s, every 5 s, on the real clock. */
    static WaitingReporter to(Consumer<String> sink) {
        return new WaitingReporter(sink, System::nanoTime, DEFAULT_AFTER, DEFAULT_EVERY, DEFAULT_POLL);
    }

    /** Says nothing. */
    static WaitingReporter none() {
        return new WaitingReporter(null, System::nanoTime, DEFAULT_AFTER, DEFAULT_EVERY, null);
    }

    /** What the next request is for: {@code target} like "gpt-4o at http://host/v1", and the counts. */
    synchronized void request(String target, int completionsSoFar, int completionsWanted) {
        this.target = target;
        this.completionsSoFar = completionsSoFar;
        this.completionsWanted = completionsWanted;
    }

    synchronized void attemptStarted(int attempt, int maxAttempts) {
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        this.attemptStart = nanoTime.getAsLong();
        this.lastLine = -1;
        startPolling();
    }

    synchronized void attemptEnded() {
        attemptStart = -1;
    }

    /** One line about a failed attempt (the failure is already scrubbed of the key). */
    synchronized void retrying(int failedAttempt, int maxAttempts, String failure, Duration delay) {
        say("llm: attempt " + failedAttempt + " of " + maxAttempts + " to " + target + " failed (" + failure
                + "); retrying in " + seconds(delay.toNanos()) + " s");
    }

    /** Prints the waiting line when an attempt has waited long enough and the last line is old enough. */
    synchronized void tick() {
        if (attemptStart < 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        long waited = now - attemptStart;
        if (waited < afterNanos || (lastLine >= 0 && now - lastLine < everyNanos)) {
            return;
        }
        lastLine = now;
        say("llm: waiting for " + target + " (attempt " + attempt + " of " + maxAttempts + ", " + seconds(waited)
                + " s elapsed, " + completionsSoFar + " of " + completionsWanted + " completions so far)");
    }

    private void say(String line) {
        if (sink == null) {
            return;
        }
        try {
            sink.accept(line);
        } catch (RuntimeException ignored) {
            // a broken output must not stop the request, nor the poller
        }
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
