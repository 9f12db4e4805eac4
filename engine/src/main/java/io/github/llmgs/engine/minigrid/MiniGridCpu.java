package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.bytecode.Bytecode;
import io.github.llmgs.dsl.bytecode.Capacity;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CapacityException;
import io.github.llmgs.engine.vm.BytecodeVm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores MiniGrid programs on a task's instances with the bytecode VM ({@link BytecodeVm} over
 * {@link MiniGridVmWorld}) on a pool of threads: {@link MiniGridEvaluator}'s shape and results,
 * without walking trees. Threads take whole programs; each episode writes its own slot and the
 * means are summed in seed order ({@link BatchResult#mean}), so the thread count never changes a
 * score. Each thread reuses one world and one VM, so an episode allocates nothing.
 */
public final class MiniGridCpu implements AutoCloseable {
    private final MiniGridTask task;
    private final long[] seeds;
    private final int maxCalls;
    private final int threads;
    private final ExecutorService pool;
    /** Each instance's world right after reset(seed): generated once, copied for every episode. */
    private final MiniGridWorld[] starts;

    public MiniGridCpu(MiniGridTask task, long[] seeds, int maxCalls, int threads) {
        if (seeds.length == 0) throw new IllegalArgumentException("a MiniGrid batch needs at least one instance seed");
        if (maxCalls < 1) throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.task = task;
        this.seeds = seeds.clone();
        this.maxCalls = maxCalls;
        this.threads = threads;
        this.starts = new MiniGridWorld[seeds.length];
        for (int i = 0; i < seeds.length; i++) starts[i] = MiniGridWorld.generate(task, seeds[i]);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "llmgs-minigrid-vm");
            t.setDaemon(true);
            return t;
        });
    }

    public String device() {
        return "MiniGrid bytecode VM, " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    /**
     * Each program's mean return over the instances, in order. A program beyond the engine's
     * limits is refused up front ({@link CapacityException}), as on every Karel backend.
     */
    public double[] means(List<Node.Program> programs) {
        for (int k = 0; k < programs.size(); k++) {
            int index = k;
            Capacity.problem(programs.get(k)).ifPresent(problem -> {
                throw new CapacityException(index, problem);
            });
        }
        int p = programs.size(), n = seeds.length;
        double[] returns = new double[p * n];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, Math.max(1, p)); t++) {
            work.add(pool.submit(() -> {
                Runner runner = new Runner(task, maxCalls);
                for (int k; (k = next.getAndIncrement()) < p; ) {
                    int[] code = compile(programs.get(k)).code();
                    for (int i = 0; i < n; i++) {
                        runner.run(code, starts[i]);
                        returns[k * n + i] = runner.world.total();
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

    /** A MiniGrid program's bytecode (verified). */
    public static Bytecode compile(Node.Program program) {
        return Compiler.compile(program, Domains.MINIGRID);
    }

    /** One episode of {@code program} on the task's instance {@code seed}, with every field the vectors record. */
    public static EpisodeResult run(Node.Program program, MiniGridTask task, long seed, int maxCalls, MiniGridStepLog log) {
        Runner runner = new Runner(task, maxCalls);
        runner.world.logTo(log);
        runner.run(compile(program).code(), MiniGridWorld.generate(task, seed));
        return runner.world.result();
    }

    public MiniGridTask task() {
        return task;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One thread's reusable world and VM. */
    private static final class Runner {
        final MiniGridVmWorld world;
        final BytecodeVm vm;

        Runner(MiniGridTask task, int maxCalls) {
            this.world = new MiniGridVmWorld(task, maxCalls);
            this.vm = new BytecodeVm(maxCalls);
        }

        void run(int[] code, MiniGridWorld start) {
            world.reset(start);
            vm.run(code, world);
        }
    }
}
