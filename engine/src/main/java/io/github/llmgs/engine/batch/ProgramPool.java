package io.github.llmgs.engine.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The threads of a CPU backend (any domain): a fixed pool kept for the backend's life, since a
 * search sends thousands of small batches. Threads take whole programs from a shared counter and
 * each episode writes its own slot, so the thread count changes the speed, never a result.
 */
public final class ProgramPool implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    public ProgramPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs program 0 .. programs - 1, each once, on up to {@code threads} workers; each worker
     * asks {@code worker} once for what it runs programs with (its own world and VM). A runtime
     * exception in a worker is rethrown as is.
     */
    public void forEachProgram(int programs, Supplier<IntConsumer> worker) {
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            IntConsumer run = worker.get();
            for (int p; (p = next.getAndIncrement()) < programs; ) run.accept(p);
        };
        if (threads == 1 || programs <= 1) {
            loop.run();
            return;
        }
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, programs); t++) work.add(pool.submit(loop));
        // the workers write into the caller's arrays: an interrupt is kept for after they are done
        boolean interrupted = false;
        try {
            for (Future<?> f : work) {
                while (true) {
                    try {
                        f.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
