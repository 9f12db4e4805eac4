package io.github.llmgs.engine.batch;

import io.github.llmgs.dsl.bytecode.Bytecode;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.vm.BytecodeVm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pure-Java backend: programs compiled to bytecode and run by {@link BytecodeVm} on a fixed
 * pool of threads. Threads take whole programs (all instances of one program) from a shared
 * counter; every episode writes its own slot, so results do not depend on the thread count.
 */
public final class CpuBackend implements Backend {
    private final int threads;
    private final ExecutorService pool;

    public CpuBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CpuBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "llmgs-cpu");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String device() {
        return "Java bytecode VM, " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    public int threads() {
        return threads;
    }

    @Override
    public BatchResult evaluate(BatchRequest req) {
        int p = req.programs().size(), n = req.instances().size();
        double[] returns = new double[p * n];
        int[] steps = new int[p * n];
        int[] calls = new int[p * n];
        boolean[] crashed = new boolean[p * n];
        ExitStatus[] exits = new ExitStatus[p * n];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        int workers = Math.min(threads, Math.max(1, p));
        for (int t = 0; t < workers; t++) {
            work.add(pool.submit(() -> {
                Worker w = new Worker(req.task(), req.maxCalls());
                for (int k; (k = next.getAndIncrement()) < p; ) {
                    Bytecode bc = Compiler.compile(req.programs().get(k));
                    for (int i = 0; i < n; i++) {
                        ExitStatus exit = w.run(bc.code(), req.instances().get(i));
                        if (exit == ExitStatus.BAD_OPCODE) {
                            throw new IllegalStateException("the VM rejected the verified bytecode of program " + k
                                    + " on instance " + i + ": a backend bug (BAD_OPCODE)");
                        }
                        int slot = k * n + i;
                        exits[slot] = exit;
                        returns[slot] = w.vm.ret();
                        steps[slot] = w.vm.steps();
                        calls[slot] = w.world.numCalls;
                        crashed[slot] = w.world.crashed;
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
                throw new IllegalStateException("cpu backend worker failed: " + e.getCause(), e.getCause());
            }
        }
        return BatchResult.fromEpisodes(req, returns, steps, calls, crashed, exits);
    }

    /** One thread's reusable world, reward function and VM. */
    private static final class Worker {
        final World world;
        final Reward reward;
        final BytecodeVm vm;
        final int maxCalls;

        Worker(Task task, int maxCalls) {
            this.world = new World(task.rows(), task.cols());
            this.reward = task.newReward();
            this.vm = new BytecodeVm(maxCalls);
            this.maxCalls = maxCalls;
        }

        ExitStatus run(int[] code, TaskInstance instance) {
            world.load(instance, maxCalls);
            reward.reset(instance, world);
            return vm.run(code, world, reward);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
