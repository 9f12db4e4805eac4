package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.bytecode.Bytecode;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CapacityException;
import io.github.llmgs.engine.vm.BytecodeVm;
import io.github.llmgs.engine.batch.ProgramPool;
import java.util.List;

/**
 * The {@code cpu} backend of MiniGrid: programs compiled to the shared bytecode and run by
 * {@link BytecodeVm} over {@link MiniGridVmWorld} on the threads of a {@link ProgramPool}. Threads take whole
 * programs; each episode writes its own slot and means are summed in seed order
 * ({@link BatchResult#mean}), so the thread count never changes a score. Each thread reuses one
 * world and one VM, so scoring allocates nothing per episode.
 */
public final class MiniGridCpu implements MiniGridEpisodes {
    private final ProgramPool pool;
    private final StartWorlds starts = new StartWorlds();

    public MiniGridCpu(int threads) {
        this.pool = new ProgramPool(threads, "llmgs-minigrid-vm");
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String device() {
        int threads = pool.threads();
        return "Java bytecode VM (MiniGrid), " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        EpisodeResult[][] results = new EpisodeResult[programs.size()][seeds.length];
        run(task, programs, seeds, maxCalls, (p, i, world) -> results[p][i] = world.result());
        return results;
    }

    @Override
    public double[] means(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        int n = seeds.length;
        double[] returns = new double[programs.size() * n];
        run(task, programs, seeds, maxCalls, (p, i, world) -> returns[p * n + i] = world.total());
        double[] means = new double[programs.size()];
        for (int p = 0; p < means.length; p++) means[p] = BatchResult.mean(returns, p * n, n);
        return means;
    }

    private final io.github.llmgs.engine.batch.ThreadWorkers<Runner> runners = new io.github.llmgs.engine.batch.ThreadWorkers<>();

    /** Where an episode's outcome goes: its own slot, so threads never share one. */
    private interface Sink {
        void episode(int program, int instance, MiniGridVmWorld world);
    }

    /**
     * Every program on every instance. A program beyond the engine's limits is refused up front
     * ({@link CapacityException}), as on every Karel backend.
     */
    private void run(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls, Sink sink) {
        CapacityException.check(programs);
        MiniGridWorld[] worlds = starts.of(task, seeds);
        pool.forEachProgram(programs.size(), () -> {
            Runner runner = runners.get(task, maxCalls, () -> new Runner(task, maxCalls));
            return p -> {
                int[] code = compile(programs.get(p)).code();
                for (int i = 0; i < seeds.length; i++) {
                    runner.run(code, worlds[i]);
                    sink.episode(p, i, runner.world);
                }
            };
        });
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

    @Override
    public MiniGridTrace trace(MiniGridTask task, Node.Program program, long seed, int maxCalls) {
        CapacityException.check(List.of(program));
        Runner runner = new Runner(task, maxCalls);
        MiniGridTrace.Recorder recorder = new MiniGridTrace.Recorder();
        runner.world.logTo(recorder);
        runner.run(compile(program).code(), MiniGridWorld.generate(task, seed));
        return new MiniGridTrace(recorder.steps, runner.world.world().copy(), runner.world.result());
    }

    @Override
    public void close() {
        pool.close();
    }

    /** One thread's reusable world and VM ({@link MiniGridCoverage}'s too). */
    static final class Runner {
        final MiniGridVmWorld world;
        final BytecodeVm vm;

        Runner(MiniGridTask task, int maxCalls) {
            this.world = new MiniGridVmWorld(task, maxCalls);
            this.vm = new BytecodeVm(maxCalls);
        }

        void run(int[] code, MiniGridWorld start) {
            run(code, start, null);
        }

        /** One episode from the start world, marking the instructions that ran in {@code executed} (null: not asked). */
        void run(int[] code, MiniGridWorld start, boolean[] executed) {
            world.reset(start);
            vm.run(code, world, executed);
        }
    }
}
