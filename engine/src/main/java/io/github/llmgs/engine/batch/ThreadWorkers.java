package io.github.llmgs.engine.batch;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Each pool thread's worker (world, reward, VM) for the latest (task, call limit), kept across
 * calls. A VM's WHILE table is sized by max_calls (768 KB at 10,000), so making one per call and
 * thread cost more than a small call's episodes once many searches send many small calls.
 */
public final class ThreadWorkers<W> {
    private record Entry<W>(Object task, int maxCalls, W worker) {}

    private final ThreadLocal<Entry<W>> latest = new ThreadLocal<>();

    /** This thread's worker for {@code task} and {@code maxCalls}, made by {@code make} when it has none. */
    public W get(Object task, int maxCalls, Supplier<W> make) {
        Entry<W> e = latest.get();
        if (e == null || e.maxCalls() != maxCalls || !Objects.equals(e.task(), task)) {
            e = new Entry<>(task, maxCalls, make.get());
            latest.set(e);
        }
        return e.worker();
    }
}
