package io.github.llmgs.kernels.minigrid;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CapacityException;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridCpu;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.kernels.DeviceBuffer;
import io.github.llmgs.kernels.DeviceContext;
import io.github.llmgs.engine.profile.DeviceTimes;
import io.github.llmgs.engine.profile.ProfiledBackend;
import io.github.llmgs.kernels.OpenClBackend;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.engine.minigrid.Color;
import io.github.llmgs.engine.minigrid.MiniGridTrace;
import io.github.llmgs.engine.minigrid.ObjectType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * The {@code opencl} backend of MiniGrid: {@code minigrid.cl} runs one work-item per (program,
 * instance) episode on the {@link DeviceContext} Karel's backend uses too (code and WHILE
 * buffers, launch sizing, chunking). Start worlds are generated on the host
 * ({@link MiniGridWorld#generate}) and uploaded once while the same task and seeds come back, as a
 * search asks; one kernel is built per task and call limit and kept. Means are summed on the host
 * in seed order ({@link BatchResult#mean}), so they equal every other backend's.
 */
public final class MiniGridOpenCl implements MiniGridEpisodes, ProfiledBackend {
    private final DeviceContext device;
    private final DeviceBuffer cells;
    private final DeviceBuffer starts;
    private final DeviceBuffer outReturn;
    private final DeviceBuffer outSteps;
    private final DeviceBuffer outCalls;
    private final DeviceBuffer outCrashed;
    private final DeviceBuffer outTerminated;
    private final DeviceBuffer outStatus;
    private final DeviceBuffer traceSteps;
    private final DeviceBuffer traceRewards;
    private final DeviceBuffer endCells;
    private final DeviceBuffer endStart;
    private MiniGridTask uploadedTask;
    private long[] uploadedSeeds;

    /** A backend on an opened device context, which it owns and closes. */
    public MiniGridOpenCl(DeviceContext device) {
        this.device = device;
        cells = device.buffer("MiniGrid start cells", CL_MEM_READ_ONLY, true);
        starts = device.buffer("MiniGrid start fields", CL_MEM_READ_ONLY, true);
        outReturn = device.buffer("returns", CL_MEM_WRITE_ONLY, false);
        outSteps = device.buffer("steps", CL_MEM_WRITE_ONLY, false);
        outCalls = device.buffer("calls", CL_MEM_WRITE_ONLY, false);
        outCrashed = device.buffer("crash flags", CL_MEM_WRITE_ONLY, false);
        outTerminated = device.buffer("terminated flags", CL_MEM_WRITE_ONLY, false);
        outStatus = device.buffer("exit statuses", CL_MEM_WRITE_ONLY, false);
        traceSteps = device.buffer("trace steps", CL_MEM_WRITE_ONLY, false);
        traceRewards = device.buffer("trace rewards", CL_MEM_WRITE_ONLY, false);
        endCells = device.buffer("trace end cells", CL_MEM_WRITE_ONLY, false);
        endStart = device.buffer("trace end fields", CL_MEM_WRITE_ONLY, false);
    }

    @Override
    public String name() {
        return OpenClBackend.NAME;
    }

    @Override
    public String device() {
        return device.describe();
    }

    @Override
    public synchronized EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        long start = System.nanoTime();
        Episodes e = run(task, programs, seeds, maxCalls, true, null);
        long ran = System.nanoTime();
        EpisodeResult[][] results = new EpisodeResult[programs.size()][seeds.length];
        for (int p = 0; p < results.length; p++) {
            for (int i = 0; i < seeds.length; i++) {
                int k = p * seeds.length + i;
                results[p][i] = new EpisodeResult(e.returns[k], e.steps[k], e.calls[k], e.crashed[k] != 0, e.terminated[k] != 0);
            }
        }
        recordHostTimes(start, ran);
        return results;
    }

    /** Host time of the last {@link #run}'s compiling, and of its packing (start worlds and code, less their uploads' device time). */
    private long lastCompileNanos, lastPackNanos;

    /** When profiling: the last run's compile and pack times, the unpacking since {@code ran}, the call since {@code start}. */
    private void recordHostTimes(long start, long ran) {
        if (device.profilingTimes()) {
            long end = System.nanoTime();
            device.hostTimes(lastCompileNanos, lastPackNanos, end - ran, end - start);
        }
    }

    @Override
    public void profileTimes(boolean on) {
        device.profileTimes(on);
    }

    @Override
    public DeviceTimes takeTimes() {
        return device.takeTimes();
    }

    @Override
    public synchronized double[] means(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        long start = System.nanoTime();
        Episodes e = run(task, programs, seeds, maxCalls, false, null);
        long ran = System.nanoTime();
        double[] means = new double[programs.size()];
        for (int p = 0; p < means.length; p++) means[p] = BatchResult.mean(e.returns, p * seeds.length, seeds.length);
        recordHostTimes(start, ran);
        return means;
    }

    /** The trace build on one episode: its steps as the kernel wrote them and the world it ended in. */
    @Override
    public synchronized MiniGridTrace trace(MiniGridTask task, Node.Program program, long seed, int maxCalls) {
        Trace trace = new Trace(new int[maxCalls * TraceField.values().length], new double[maxCalls],
                new byte[3 * task.width() * task.height()], new int[MiniGridStart.values().length]);
        Episodes e = run(task, List.of(program), new long[] {seed}, maxCalls, true, trace);
        int fields = TraceField.values().length;
        List<MiniGridTrace.Step> steps = new ArrayList<>();
        for (int k = 0; k < e.steps[0]; k++) {
            int[] s = Arrays.copyOfRange(trace.steps, k * fields, (k + 1) * fields);
            int carryType = s[TraceField.CARRY_TYPE.ordinal()];
            steps.add(new MiniGridTrace.Step(Action.values()[s[TraceField.ACTION.ordinal()]], s[TraceField.X.ordinal()],
                    s[TraceField.Y.ordinal()], s[TraceField.DIR.ordinal()], carryType == ObjectType.NONE ? null
                    : ObjectType.name(carryType) + ":" + Color.name(s[TraceField.CARRY_COLOR.ordinal()]), trace.rewards[k],
                    s[TraceField.TERMINATED.ordinal()] != 0, s[TraceField.CALLS.ordinal()], s[TraceField.CRASHED.ordinal()] != 0));
        }
        MiniGridWorld end = MiniGridWorld.generate(task, seed);
        int c = end.type.length;
        System.arraycopy(trace.endCells, 0, end.type, 0, c);
        System.arraycopy(trace.endCells, c, end.color, 0, c);
        System.arraycopy(trace.endCells, 2 * c, end.state, 0, c);
        for (MiniGridStart f : MiniGridStart.values()) f.set(end, trace.endStart[f.ordinal()]);
        EpisodeResult result = new EpisodeResult(e.returns[0], e.steps[0], e.calls[0], e.crashed[0] != 0, e.terminated[0] != 0);
        return new MiniGridTrace(steps, end, result);
    }

    /** What the kernel wrote per episode, indexed {@code program * seeds + instance}. */
    record Episodes(double[] returns, int[] steps, int[] calls, int[] crashed, int[] terminated, int[] status) {}

    /** What the trace build writes for its one episode: step fields, rewards, the end world's cells and ints. */
    private record Trace(int[] steps, double[] rewards, byte[] endCells, int[] endStart) {}

    /**
     * Every program on every instance; with {@code perEpisode} false only returns and statuses
     * are read back; with a {@code trace}, the trace build runs the one episode and fills it. A
     * program beyond the engine's limits is refused up front ({@link CapacityException}), as on
     * every backend.
     */
    private Episodes run(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls, boolean perEpisode,
                         Trace trace) {
        device.checkOpen();
        if (maxCalls < 1) throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        CapacityException.check(programs);
        long compileStart = System.nanoTime();
        lastCompileNanos = lastPackNanos = 0;
        int[][] codes = new int[programs.size()][];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = MiniGridCpu.compile(programs.get(k)).code(); // verified
        }
        lastCompileNanos = System.nanoTime() - compileStart;
        int n = seeds.length;
        long total = (long) codes.length * n;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + total + " episodes is too large for one request");
        }
        int t = (int) total;
        Episodes e = new Episodes(new double[t], new int[t], new int[t], new int[t], new int[t], new int[t]);
        if (t == 0) {
            return e;
        }
        MiniGridSpec spec = MiniGridSpec.of(task, maxCalls, trace != null);
        cl_kernel k = device.kernel(spec);
        long packStart = System.nanoTime(), uploadStart = device.uploadNanos();
        upload(task, seeds, spec);
        device.uploadCode(codes);
        lastPackNanos = Math.max(0, System.nanoTime() - packStart - (device.uploadNanos() - uploadStart));
        long bytesPerPair = Sizeof.cl_double + 5L * Sizeof.cl_int; // the outputs
        int chunk = device.pairsPerLaunch(spec.whileCapacity(), bytesPerPair, Long.MAX_VALUE, n, t);
        DeviceContext.Output returns = DeviceContext.Output.of(outReturn, e.returns);
        DeviceContext.Output statuses = DeviceContext.Output.of(outStatus, e.status); // read by the launch loop itself
        List<DeviceContext.Output> all = List.of(returns, DeviceContext.Output.of(outSteps, e.steps),
                DeviceContext.Output.of(outCalls, e.calls), DeviceContext.Output.of(outCrashed, e.crashed),
                DeviceContext.Output.of(outTerminated, e.terminated));
        device.ensureOutputs(all, chunk); // every output is an argument, read back or not
        device.ensureOutputs(List.of(statuses), chunk);
        device.prepare(k, n, chunk, spec.whileCapacity(), bytesPerPair);
        int a = device.firstDomainArg();
        DeviceContext.setMem(k, a++, cells);
        DeviceContext.setMem(k, a++, starts);
        DeviceContext.setMem(k, a++, outReturn);
        DeviceContext.setMem(k, a++, outSteps);
        DeviceContext.setMem(k, a++, outCalls);
        DeviceContext.setMem(k, a++, outCrashed);
        DeviceContext.setMem(k, a++, outTerminated);
        DeviceContext.setMem(k, a++, outStatus);
        // the trace buffers are arguments of every build; only the trace build writes them
        traceSteps.ensure(trace == null ? 0 : (long) trace.steps.length * Sizeof.cl_int, false);
        traceRewards.ensure(trace == null ? 0 : (long) trace.rewards.length * Sizeof.cl_double, false);
        endCells.ensure(3L * spec.cells(), false);
        endStart.ensure((long) MiniGridStart.values().length * Sizeof.cl_int, false);
        DeviceContext.setMem(k, a++, traceSteps);
        DeviceContext.setMem(k, a++, traceRewards);
        DeviceContext.setMem(k, a++, endCells);
        DeviceContext.setMem(k, a, endStart);
        device.launch(k, t, chunk, outStatus, e.status, perEpisode ? all : List.of(returns));
        if (trace != null) {
            traceSteps.read(Pointer.to(trace.steps), (long) trace.steps.length * Sizeof.cl_int);
            traceRewards.read(Pointer.to(trace.rewards), (long) trace.rewards.length * Sizeof.cl_double);
            endCells.read(Pointer.to(trace.endCells), trace.endCells.length);
            endStart.read(Pointer.to(trace.endStart), (long) trace.endStart.length * Sizeof.cl_int);
        }
        DeviceContext.refuseBadOpcodes(e.status, n, programs, i -> "on " + task.name() + " seed " + seeds[i]);
        return e;
    }

    /** The start worlds of the task's seeds, generated and uploaded unless they already are. */
    private void upload(MiniGridTask task, long[] seeds, MiniGridSpec spec) {
        if (task == uploadedTask && Arrays.equals(seeds, uploadedSeeds)) {
            return;
        }
        int n = seeds.length, c = spec.cells(), fields = MiniGridStart.values().length;
        byte[] grid = new byte[n * 3 * c];
        int[] start = new int[n * fields];
        for (int i = 0; i < n; i++) {
            MiniGridWorld w = MiniGridWorld.generate(task, seeds[i]);
            System.arraycopy(w.type, 0, grid, (3 * i) * c, c);
            System.arraycopy(w.color, 0, grid, (3 * i + 1) * c, c);
            System.arraycopy(w.state, 0, grid, (3 * i + 2) * c, c);
            for (MiniGridStart f : MiniGridStart.values()) {
                start[i * fields + f.ordinal()] = f.of(w);
            }
        }
        cells.write(Pointer.to(grid), grid.length);
        starts.write(Pointer.to(start), (long) start.length * Sizeof.cl_int);
        uploadedTask = task;
        uploadedSeeds = seeds.clone();
    }

    /** Pairs rerun because their launch had no large WHILE table left for them, since this backend opened. */
    public synchronized long retriedPairs() {
        return device.retriedPairs();
    }

    @Override
    public synchronized void close() {
        device.close();
    }
}
