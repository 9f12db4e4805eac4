package io.github.llmgs.search.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM for a command that writes results. The JVM runs shutdown hooks on those
 * signals and then exits; this hook marks the work stopped, cancels whatever waits (an LLM
 * request in flight), and holds the exit until the command says its partial results are on
 * disk ({@link #close}), so an interrupted run still leaves a whole result.json and summary.
 */
public final class StopSignal implements AutoCloseable {
    /** How long the hook holds the exit for the partial results; a stuck writer must not keep the JVM forever. */
    private static final long HOLD_SECONDS = 60;

    private final List<Runnable> cancels = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stopped;

    private StopSignal(boolean install) {
        hook = install ? new Thread(this::onSignal, "llmgs-stop") : null;
        if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Listens for Ctrl-C and SIGTERM until closed. */
    public static StopSignal install() {
        return new StopSignal(true);
    }

    /** A signal only {@link #stop()} raises, for tests and embedding. */
    public static StopSignal manual() {
        return new StopSignal(false);
    }

    public boolean stopped() {
        return stopped;
    }

    /** Runs {@code cancel} when the stop comes (at once if it already came). */
    public void onStop(Runnable cancel) {
        cancels.add(cancel);
        if (stopped) cancel.run();
    }

    public void forget(Runnable cancel) {
        cancels.remove(cancel);
    }

    /** Stops the work as a signal would, without holding anything. */
    public void stop() {
        stopped = true;
        for (Runnable c : cancels) {
            try {
                c.run();
            } catch (RuntimeException ignored) {
                // one failing cancel must not keep the others from running
            }
        }
    }

    private void onSignal() {
        stop();
        try {
            released.await(HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partial results are written: lets a pending exit go on, and stops listening. */
    @Override
    public void close() {
        released.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and was just released
            }
        }
    }
}
