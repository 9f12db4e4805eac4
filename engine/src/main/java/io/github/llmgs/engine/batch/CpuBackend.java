package io.github.llmgs.engine.batch;

import io.github.llmgs.dsl.bytecode.Bytecode;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.vm.BytecodeVm;

/**
 * The pure-Java backend: programs compiled to bytecode and run by {@link BytecodeVm} on a fixed
 * pool of threads. Threads take whole programs (all instances of one program) from a shared
 * counter; every episode writes its own slot, so results do not depend on the thread count.
 */
public final class CpuBackend implements Backend {
    private final ProgramPool pool;
    private final ThreadWorkers<Worker> workers = new ThreadWorkers<>();

    public CpuBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CpuBackend(int threads) {
        this.pool = new ProgramPool(threads, "llmgs-cpu");
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String device() {
        return "Java bytecode VM, " + threads() + " thread" + (threads() == 1 ? "" : "s");
    }

    public int threads() {
        return pool.threads();
    }

    @Override
    public BatchResult evaluate(BatchRequest req) {
        int p = req.programs().size(), n = req.instances().size();
        double[] returns = new double[p * n];
        int[] steps = new int[p * n];
        int[] calls = new int[p * n];
        boolean[] crashed = new boolean[p * n];
        ExitStatus[] exits = new ExitStatus[p * n];
        pool.forEachProgram(p, () -> {
            Worker w = workers.get(req.task(), req.maxCalls(), () -> new Worker(req.task(), req.maxCalls()));
            return k -> {
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
            };
        });
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
        pool.close();
    }
}
