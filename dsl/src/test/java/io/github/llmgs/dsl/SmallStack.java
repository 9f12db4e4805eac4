package io.github.llmgs.dsl;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs test code on a thread with a 512 KiB stack, well below the JVM's default, so that a test
 * proves a walk does not recurse along a long statement list (surefire runs with -Xss8m, which
 * would hide that).
 */
public final class SmallStack {
    public static final long STACK_BYTES = 512 * 1024;

    private SmallStack() {}

    /** Runs {@code body} on the small stack; rethrows what it threw (a StackOverflowError included). */
    public static void run(Runnable body) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", STACK_BYTES);
        t.start();
        try {
            t.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (t.isAlive()) {
            throw new AssertionError("test body still running after 120 s");
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        if (e != null) throw new AssertionError(e);
    }
}
