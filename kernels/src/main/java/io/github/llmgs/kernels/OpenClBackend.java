package io.github.llmgs.kernels;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.profile.DeviceTimes;
import io.github.llmgs.engine.profile.ProfiledBackend;
import java.util.List;
import java.util.function.Supplier;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * The OpenCL backend of Karel: {@code karel.cl} runs one work-item per (program, instance)
 * episode, a program's instances adjacent. One kernel is built per task variant, size and call
 * limit and kept; device buffers are kept across batches and grow when needed; a task's
 * instances are uploaded once while the same instance list comes back. The context, the code
 * and WHILE buffers, launch sizing and chunking are the {@link DeviceContext} every domain
 * shares. Means are computed on the host with {@link BatchResult#mean}, as on every backend.
 *
 * <p>On Linux, start a JVM that uses this backend with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}:
 * OpenCL drivers built on LLVM (PoCL) replace the JVM's signal handlers, which otherwise crashes
 * the JVM now and then at a safepoint ({@link SignalChaining}). Without it the backend refuses to
 * load OpenCL (a one-line reason) unless {@code -Dllmgs.opencl.allowWithoutSignalChaining=true}.
 */
public final class OpenClBackend implements Backend, ProfiledBackend {
    public static final String NAME = "opencl";

    /** Exit statuses the kernel writes (engine.h's STATUS_*, generated from {@link ExitStatus}). */
    static final int STATUS_OK = ExitStatus.OK.ordinal();
    static final int STATUS_WHILE_REPEAT = ExitStatus.WHILE_REPEAT.ordinal();
    static final int STATUS_CALL_LIMIT = ExitStatus.CALL_LIMIT.ordinal();
    static final int STATUS_BAD_OPCODE = ExitStatus.BAD_OPCODE.ordinal();

    /** Device bytes of each pair's outputs: return, steps, calls, crash flag, exit status. */
    static final long OUTPUT_BYTES_PER_PAIR = Sizeof.cl_double + 4L * Sizeof.cl_int;

    private final DeviceContext device;
    private final InstanceUpload instances;
    private final DeviceBuffer rngState;
    private final DeviceBuffer outReturn;
    private final DeviceBuffer outSteps;
    private final DeviceBuffer outCalls;
    private final DeviceBuffer outCrashed;
    private final DeviceBuffer outStatus;

    private OpenClBackend(DeviceContext device) {
        this.device = device;
        this.instances = new InstanceUpload(device);
        rngState = device.buffer("Snake MT19937 state", CL_MEM_READ_WRITE, false);
        outReturn = device.buffer("returns", CL_MEM_WRITE_ONLY, false);
        outSteps = device.buffer("steps", CL_MEM_WRITE_ONLY, false);
        outCalls = device.buffer("calls", CL_MEM_WRITE_ONLY, false);
        outCrashed = device.buffer("crash flags", CL_MEM_WRITE_ONLY, false);
        outStatus = device.buffer("exit statuses", CL_MEM_WRITE_ONLY, false);
    }

    /**
     * Opens the device {@link BackendOptions#device()} names (see {@link OpenClDevice#select}).
     * Fails with a one-line message when no runtime, no such device, or no fp64.
     */
    public static OpenClBackend open(BackendOptions options) {
        return open(options, OpenClBackendProvider::devices);
    }

    /** {@link #open(BackendOptions)} with the devices from {@code lister}, which may fail as a broken installation would. */
    static OpenClBackend open(BackendOptions options, Supplier<List<OpenClDevice>> lister) {
        DeviceContext device = DeviceContext.open(options, lister);
        try {
            return new OpenClBackend(device);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String device() {
        return device.describe();
    }

    public boolean gpu() {
        return device.gpu();
    }

    @Override
    public synchronized BatchResult evaluate(BatchRequest req) {
        long start = System.nanoTime();
        int p = req.programs().size(), n = req.instances().size();
        int[][] codes = new int[p][];
        for (int k = 0; k < p; k++) {
            codes[k] = Compiler.compile(req.programs().get(k)).code(); // Compiler.compile runs Verifier.verify
        }
        long compiled = System.nanoTime();
        Episodes e = run(req.task(), req.instances(), codes, req.maxCalls(), req.perEpisode());
        long ran = System.nanoTime();
        DeviceContext.refuseBadOpcodes(e.status, n, req.programs(), instance -> "on instance " + instance);
        boolean[] crashed = new boolean[e.crashed.length];
        ExitStatus[] exits = new ExitStatus[e.status.length];
        ExitStatus[] byNumber = ExitStatus.values();
        for (int i = 0; i < crashed.length; i++) {
            crashed[i] = e.crashed[i] != 0;
            exits[i] = byNumber[e.status[i]]; // engine.h numbers them by ordinal
        }
        BatchResult result = BatchResult.fromEpisodes(req, e.returns, e.steps, e.calls, crashed, exits);
        if (device.profilingTimes()) {
            long end = System.nanoTime();
            device.hostTimes(compiled - start, lastPackNanos, end - ran, end - start);
        }
        return result;
    }

    /** Host time of the last {@link #run}'s packing (code and instances, less their uploads' device time). */
    private long lastPackNanos;

    @Override
    public void profileTimes(boolean on) {
        device.profileTimes(on);
    }

    @Override
    public DeviceTimes takeTimes() {
        return device.takeTimes();
    }

    /**
     * What the kernel wrote per episode, indexed {@code program * instances + instance}: return,
     * steps, calls, crash flag and exit status ({@code STATUS_*}); with {@code perEpisode} false
     * only returns and statuses are read back.
     */
    record Episodes(double[] returns, int[] steps, int[] calls, int[] crashed, int[] status) {}

    /**
     * Runs bytecode as given, without verifying it (the kernel reports code a verifier would
     * reject as STATUS_BAD_OPCODE); {@link #evaluate} passes only compiled, verified code.
     */
    synchronized Episodes run(Task task, List<TaskInstance> taskInstances, int[][] codes, int maxCalls, boolean perEpisode) {
        device.checkOpen();
        int n = taskInstances.size();
        long total = (long) codes.length * n;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + total + " episodes is too large for one request");
        }
        Episodes e = new Episodes(new double[(int) total], new int[(int) total], new int[(int) total],
                new int[(int) total], new int[(int) total]);
        if (total > 0) {
            KernelSource.Config config = KernelSource.Config.of(task, maxCalls);
            cl_kernel kernel = device.kernel(config);
            long packStart = System.nanoTime(), uploadStart = device.uploadNanos();
            instances.upload(config, taskInstances);
            device.uploadCode(codes);
            lastPackNanos = Math.max(0, System.nanoTime() - packStart - (device.uploadNanos() - uploadStart));
            launch(config, kernel, n, (int) total, perEpisode, e);
        }
        return e;
    }

    /**
     * A few launches' worth at the default call limit, from the device's memory as queried: the
     * batcher's calls then fill the device, and the launches of one call keep it busy back to back.
     */
    @Override
    public long pairsPerCall() {
        KernelSource.Config config = KernelSource.Config.of(Tasks.byName("DoorKey"), io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
        return Math.max(DEFAULT_PAIRS_PER_CALL, LAUNCHES_PER_CALL * (long) pairsPerLaunch(config, 32, Long.MAX_VALUE));
    }

    private static final int LAUNCHES_PER_CALL = 4;

    /** Pairs per launch: device memory for the scratch (Snake's generators too), the option, a default; whole programs when possible. */
    int pairsPerLaunch(KernelSource.Config config, int instances, long totalPairs) {
        long limit = config.snake() ? device.maxAllocSize() / MT_BYTES - device.localSize() : Long.MAX_VALUE;
        return device.pairsPerLaunch(config.whileCapacity(), bytesPerPair(config), limit, instances, totalPairs);
    }

    private static final long MT_BYTES = KernelSource.MT_WORDS * 4L;

    /** Device bytes of each pair's own: its outputs, and Snake's generator. */
    static long bytesPerPair(KernelSource.Config config) {
        return (config.snake() ? MT_BYTES : 0) + OUTPUT_BYTES_PER_PAIR;
    }

    private void launch(KernelSource.Config config, cl_kernel k, int instances, int total, boolean perEpisode, Episodes e) {
        int chunk = pairsPerLaunch(config, instances, total);
        long global = DeviceContext.roundUp(chunk, device.localSize());
        rngState.ensure(config.snake() ? global * KernelSource.MT_WORDS * Sizeof.cl_uint : Sizeof.cl_uint, false);
        DeviceContext.Output returns = DeviceContext.Output.of(outReturn, e.returns);
        DeviceContext.Output statuses = DeviceContext.Output.of(outStatus, e.status); // read by the launch loop itself
        List<DeviceContext.Output> all = List.of(returns, DeviceContext.Output.of(outSteps, e.steps),
                DeviceContext.Output.of(outCalls, e.calls), DeviceContext.Output.of(outCrashed, e.crashed));
        device.ensureOutputs(all, chunk); // every output is an argument, read back or not
        device.ensureOutputs(List.of(statuses), chunk);
        device.prepare(k, instances, chunk, config.whileCapacity(), bytesPerPair(config));
        int a = device.firstDomainArg();
        DeviceContext.setMem(k, a++, this.instances.hero);
        DeviceContext.setMem(k, a++, this.instances.walls);
        DeviceContext.setMem(k, a++, this.instances.markers);
        DeviceContext.setMem(k, a++, this.instances.params);
        DeviceContext.setInt(k, a++, this.instances.paramStride());
        DeviceContext.setMem(k, a++, this.instances.keyPow);
        DeviceContext.setMem(k, a++, rngState);
        DeviceContext.setMem(k, a++, outReturn);
        DeviceContext.setMem(k, a++, outSteps);
        DeviceContext.setMem(k, a++, outCalls);
        DeviceContext.setMem(k, a++, outCrashed);
        DeviceContext.setMem(k, a, outStatus);
        device.launch(k, total, chunk, outStatus, e.status, perEpisode ? all : List.of(returns));
    }

    /** Pairs rerun because their launch had no large WHILE table left for them, since this backend opened. */
    long retriedPairs() {
        return device.retriedPairs();
    }

    /** The kernel for a configuration, built on first use. */
    KernelCache.Built kernelFor(KernelSource.Config config) {
        return device.kernelFor(config);
    }

    /** Releases buffers, kernels, programs, the queue and the context, in reverse order of creation. */
    @Override
    public synchronized void close() {
        device.close();
    }
}
