package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.batch.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores MiniGrid programs on a task's instances with the oracle ({@link MiniGridWalker}) on a
 * pool of threads: the reference backend of the MiniGrid domain until it has a VM and a kernel.
 * Threads take whole programs; each episode writes its own slot and the means are summed in seed
 * order as on every backend ({@link BatchResult#mean}), so the thread count never changes a score.
 */
public final class MiniGridEvaluator implements AutoCloseable {
    private final MiniGridTask task;
    private final long[] seeds;
    private final int maxCalls;
    private final int threads;
    private final ExecutorService pool;
    /** Each instance's world right after reset(seed): generated once, copied for every episode. */
    private final List<MiniGridWorld> starts = new ArrayList<>();

    public MiniGridEvaluator(MiniGridTask task, long[] seeds, int maxCalls, int threads) {
        if (seeds.length == 0) throw new IllegalArgumentException("a MiniGrid batch needs at least one instance seed");
        if (maxCalls < 1) throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.task = task;
        this.seeds = seeds.clone();
        this.maxCalls = maxCalls;
        this.threads = threads;
        for (long s : seeds) starts.add(MiniGridWorld.generate(task, s));
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "llmgs-minigrid");
            t.setDaemon(true);
            return t;
        });
    }

    public String device() {
        return "MiniGrid tree-walking oracle, " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    /** Each program's mean return over the instances, in order. */
    public double[] means(List<Node.Program> programs) {
        int p = programs.size(), n = seeds.length;
        double[] returns = new double[p * n];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, Math.max(1, p)); t++) {
            work.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < p; ) {
                    for (int i = 0; i < n; i++) {
                        ProgramWrapper wrapper = new ProgramWrapper(starts.get(i), maxCalls);
                        returns[k * n + i] = new MiniGridWalker(wrapper).run(programs.get(k)).ret();
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("MiniGrid evaluation failed: " + e.getCause(), e.getCause());
            }
        }
        double[] means = new double[p];
        for (int k = 0; k < p; k++) means[k] = BatchResult.mean(returns, k * n, n);
        return means;
    }

    public MiniGridTask task() {
        return task;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
