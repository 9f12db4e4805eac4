package io.github.llmgs.engine.batch;

import io.github.llmgs.dsl.bytecode.Bytecode;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.vm.BytecodeVm;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The pure-Java backend: programs compiled to bytecode and run by {@link BytecodeVm} on a fixed
 * pool of threads. Threads take whole programs (all instances of one program) from a shared
 * counter; every episode writes its own slot, so results do not depend on the thread count. A
 * program with a threshold runs its instances in order and stops once the task's
 * {@link Task#maxReturn} on every instance left cannot lift its mean above the threshold. Since
 * threads take programs in index order, a group ({@link BatchRequest#groups}) is cut where its
 * first program above its threshold is found: later programs of the group are skipped, or
 * stopped at their next episode, so a climbing step costs about what the sequential climb
 * computes however many of its neighbours the call carries. Episodes whose returns the request
 * knows ({@link BatchRequest#knownReturn}) are taken, not run, and count toward that bound from
 * the start: only the instances still to run are assumed to reach the maximum.
 */
public final class CpuBackend implements Backend {
    /**
     * Slack on a sum of returns before a program is stopped: rounding in a sum of at most a few
     * thousand rewards is below 1e-12, so a stop is a proof with room to spare.
     */
    static final double STOP_MARGIN = 1e-6;

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
        boolean[] stopped = req.thresholds() == null ? null : new boolean[p];
        int[] ran = stopped == null && req.knownReturns() == null ? null : new int[p];
        // per group, the lowest index found above its threshold: programs after it are not needed
        AtomicIntegerArray firstAbove = new AtomicIntegerArray(req.groupCount());
        for (int g = 0; g < firstAbove.length(); g++) firstAbove.set(g, Integer.MAX_VALUE);
        boolean[] skipped = firstAbove.length() == 0 ? null : new boolean[p];
        double best = req.task().maxReturn();
        pool.forEachProgram(p, () -> {
            Worker w = workers.get(req.task(), req.maxCalls(), () -> new Worker(req.task(), req.maxCalls()));
            return k -> {
                int group = req.group(k);
                if (group >= 0 && firstAbove.get(group) < k) {
                    skipped[k] = true; // ran[k] stays 0
                    return;
                }
                Bytecode bc = Compiler.compile(req.programs().get(k));
                // the mean passes the threshold only if the sum passes this
                double needed = req.threshold(k) * n - STOP_MARGIN;
                boolean bounded = stopped != null && !Double.isNaN(needed) && needed > Double.NEGATIVE_INFINITY && best < Double.POSITIVE_INFINITY;
                // the known returns count from the start: only the episodes left to run can still lift the sum
                double sum = 0;
                int left = n;
                if (req.knownReturns() != null) {
                    for (int e = 0; e < n; e++) {
                        double known = req.knownReturn(k, e);
                        if (!Double.isNaN(known)) {
                            sum += known;
                            left--;
                        }
                    }
                }
                int i = 0, given = 0;
                for (; i < n; i++) {
                    if (group >= 0 && firstAbove.get(group) < k) {
                        skipped[k] = true;
                        break;
                    }
                    int slot = k * n + i;
                    double known = req.knownReturn(k, i);
                    if (!Double.isNaN(known)) {
                        returns[slot] = known; // this episode is one already run: not run again
                        given++;
                        continue;
                    }
                    // before each episode to run: once the last has run, the score is known and kept
                    if (bounded && sum + left * best < needed) {
                        stopped[k] = true;
                        break;
                    }
                    ExitStatus exit = w.run(bc.code(), req.instances().get(i));
                    if (exit == ExitStatus.BAD_OPCODE) {
                        throw new IllegalStateException("the VM rejected the verified bytecode of program " + k
                                + " on instance " + i + ": a backend bug (BAD_OPCODE)");
                    }
                    exits[slot] = exit;
                    returns[slot] = w.vm.ret();
                    steps[slot] = w.vm.steps();
                    calls[slot] = w.world.numCalls;
                    crashed[slot] = w.world.crashed;
                    sum += returns[slot];
                    left--;
                }
                if (ran != null) ran[k] = i - given;
                if (group >= 0 && !skipped[k] && !stopped[k] && BatchResult.mean(returns, k * n, n) > req.threshold(k)) {
                    firstAbove.accumulateAndGet(group, k, Math::min);
                }
            };
        });
        if (skipped != null) {
            // whatever the threads' timing, exactly the programs after their group's first one
            // above its threshold are skipped, so every answer (not the work) is the same each time
            for (int k = 0; k < p; k++) {
                int group = req.group(k);
                if (group >= 0 && firstAbove.get(group) < k) skipped[k] = true;
            }
        }
        return BatchResult.fromEpisodes(req, returns, steps, calls, crashed, exits, stopped, skipped, ran);
    }

    /** One thread's reusable world, reward function and VM ({@link KarelCoverage}'s too). */
    static final class Worker {
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
            return run(code, instance, null);
        }

        /** One episode on the instance, marking the instructions that ran in {@code executed} (null: not asked). */
        ExitStatus run(int[] code, TaskInstance instance, boolean[] executed) {
            world.load(instance, maxCalls);
            reward.reset(instance, world);
            return vm.run(code, world, reward, null, executed);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
