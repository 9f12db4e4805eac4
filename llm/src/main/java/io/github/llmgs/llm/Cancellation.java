package io.github.llmgs.llm;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * The cancel switch one seeder shares with its HTTP client. {@link #cancel()} comes from another
 * thread (a shutdown hook), so the state is volatile and the order of checks matters: the call is
 * published before the flag is read, and the flag is set before the call is read, so that a
 * cancel racing a new call always cancels it.
 */
final class Cancellation {

    private volatile boolean cancelled;
    private volatile Call current;
    private final CountDownLatch woken = new CountDownLatch(1);

    void cancel() {
        cancelled = true;
        woken.countDown();
        Call c = current;
        if (c != null) {
            c.cancel();
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Throws {@link LlmCancelledException} once cancelled; called before every request. */
    void check() {
        if (cancelled) {
            throw new LlmCancelledException();
        }
    }

    /** Makes {@code call} the one a cancel stops; cancels it at once if the cancel came first. */
    void attach(Call call) {
        current = call;
        if (cancelled) {
            call.cancel();
        }
    }

    void detach() {
        current = null;
    }

    /**
     * Waits between retries. The real wait ({@code sleeper} null or {@link Sleeper#SYSTEM}) ends
     * early on cancel; an injected test sleeper is called as is. Either way a cancel throws.
     */
    void sleep(Duration d, Sleeper sleeper) {
        check();
        if (sleeper == null || sleeper == Sleeper.SYSTEM) {
            try {
                woken.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmException("interrupted while waiting to retry the LLM request");
            }
        } else {
            sleeper.sleep(d);
        }
        check();
    }
}
