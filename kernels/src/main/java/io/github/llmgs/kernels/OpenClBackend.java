package io.github.llmgs.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clSetKernelArg;

import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The OpenCL backend: {@code karel.cl} runs one work-item per (program, instance) episode, a
 * program's instances adjacent. One kernel is built per task variant, size and call limit and
 * kept; device buffers are kept across batches and grow when needed; a task's instances are
 * uploaded once while the same instance list comes back. Batches larger than a launch (device
 * memory for the WHILE tables, {@link BackendOptions#maxPairsPerLaunch()}) run in chunks; every
 * episode's results are its own, so chunking never changes them. Means are computed on the host
 * with {@link BatchResult#mean}, as on every backend.
 *
 * <p>On Linux, start a JVM that uses this backend with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}:
 * OpenCL drivers built on LLVM (PoCL) replace the JVM's signal handlers, which otherwise crashes
 * the JVM now and then at a safepoint ({@link SignalChaining}). Without it the backend refuses to
 * load OpenCL (a one-line reason) unless {@code -Dllmgs.opencl.allowWithoutSignalChaining=true}.
 *
 * <p>Work-groups hold 64 work-items on a GPU (two programs of 32 instances, one warp each) and 32
 * elsewhere; {@code -Dllmgs.opencl.localSize=N} overrides that for experiments.
 */
public final class OpenClBackend implements Backend {
    public static final String NAME = "opencl";

    /** Exit statuses the kernel writes (engine.h's STATUS_*, generated from {@link ExitStatus}). */
    static final int STATUS_OK = ExitStatus.OK.ordinal();
    static final int STATUS_WHILE_REPEAT = ExitStatus.WHILE_REPEAT.ordinal();
    static final int STATUS_CALL_LIMIT = ExitStatus.CALL_LIMIT.ordinal();
    static final int STATUS_BAD_OPCODE = ExitStatus.BAD_OPCODE.ordinal();

    /** Launch sizes when options leave them open: GPUs want many warps, a CPU a few groups per core. */
    private static final int DEFAULT_MAX_PAIRS_GPU = 1 << 16;
    private static final int DEFAULT_MAX_PAIRS_CPU = 1 << 12;
    /** Share of the device's global memory the per-episode scratch may take. */
    private static final double SCRATCH_SHARE_OF_GLOBAL = 0.25;

    private final OpenClDevice device;
    private final int maxPairsOption;
    private final int localSize;
    private final cl_context context;
    private final cl_command_queue queue;
    private final KernelCache kernels;
    private final InstanceUpload instances;

    // Device buffers, allocated on first use and grown when needed; close() releases them in
    // reverse of this order, then the kernels and programs, the queue and the context.
    private final DeviceBuffer code;
    private final DeviceBuffer codeOffsets;
    private final DeviceBuffer whileKeys;
    private final DeviceBuffer whileStamps;
    private final DeviceBuffer rngState;
    private final DeviceBuffer outReturn;
    private final DeviceBuffer outSteps;
    private final DeviceBuffer outCalls;
    private final DeviceBuffer outCrashed;
    private final DeviceBuffer outStatus;
    private final List<DeviceBuffer> buffers;

    /** Stamp of the last launch; WHILE slots of older launches read as empty. */
    private long stamp;
    private boolean closed;

    private OpenClBackend(OpenClDevice device, BackendOptions options) {
        this.device = device;
        this.maxPairsOption = Math.max(0, options.maxPairsPerLaunch());
        this.localSize = Integer.getInteger("llmgs.opencl.localSize", device.gpu() ? 64 : 32);
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, device.platform());
        this.context = clCreateContext(properties, 1, new cl_device_id[] {device.device()}, null, null, null);
        cl_command_queue q;
        try {
            q = createQueue();
        } catch (RuntimeException e) {
            clReleaseContext(context);
            throw e;
        }
        this.queue = q;
        this.kernels = new KernelCache(context, queue, device);
        this.instances = new InstanceUpload(context, queue, device);
        code = buffer("code", CL_MEM_READ_ONLY, true);
        codeOffsets = buffer("code offsets", CL_MEM_READ_ONLY, true);
        whileKeys = buffer("WHILE keys", CL_MEM_READ_WRITE, false);
        whileStamps = buffer("WHILE stamps", CL_MEM_READ_WRITE, false);
        rngState = buffer("Snake MT19937 state", CL_MEM_READ_WRITE, false);
        outReturn = buffer("returns", CL_MEM_WRITE_ONLY, false);
        outSteps = buffer("steps", CL_MEM_WRITE_ONLY, false);
        outCalls = buffer("calls", CL_MEM_WRITE_ONLY, false);
        outCrashed = buffer("crash flags", CL_MEM_WRITE_ONLY, false);
        outStatus = buffer("exit statuses", CL_MEM_WRITE_ONLY, false);
        List<DeviceBuffer> all = new ArrayList<>(List.of(code, codeOffsets));
        all.addAll(instances.buffers());
        all.addAll(List.of(whileKeys, whileStamps, rngState, outReturn, outSteps, outCalls, outCrashed, outStatus));
        buffers = List.copyOf(all);
    }

    private DeviceBuffer buffer(String what, long flags, boolean doubling) {
        return new DeviceBuffer(what, flags, doubling, context, queue, device);
    }

    @SuppressWarnings("deprecation")
    private cl_command_queue createQueue() {
        return clCreateCommandQueue(context, device.device(), 0, null);
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
        if (options.threads() != 0) {
            throw new BackendException("--threads " + options.threads() + ": the opencl backend runs on its OpenCL device, "
                    + "not on CPU threads (--threads is for cpu, reference and auto)");
        }
        List<OpenClDevice> devices;
        try {
            devices = lister.get();
        } catch (RuntimeException | LinkageError e) {
            // no runtime, no platform, no signal chaining: the user's to fix, so one line, no trace
            throw new BackendException("backend " + NAME + ": " + OpenClBackendProvider.reason(e), e);
        }
        OpenClDevice d = OpenClDevice.select(devices, options.device());
        if (!d.fp64()) {
            throw new BackendException(OpenClBackendProvider.noFp64(d));
        }
        try {
            return new OpenClBackend(d, options);
        } catch (CLException e) {
            throw new BackendException("cannot open OpenCL device " + d.describe() + ": " + e.getMessage(), e);
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
        int p = req.programs().size(), n = req.instances().size();
        int[][] codes = new int[p][];
        for (int k = 0; k < p; k++) {
            codes[k] = Compiler.compile(req.programs().get(k)).code(); // Compiler.compile runs Verifier.verify
        }
        Episodes e = run(req.task(), req.instances(), codes, req.maxCalls(), req.perEpisode());
        for (int i = 0; i < e.status.length; i++) {
            if (e.status[i] == STATUS_BAD_OPCODE) {
                throw new IllegalStateException("the OpenCL kernel rejected the verified bytecode of program " + (i / n)
                        + " (" + Printer.print(req.programs().get(i / n)) + ") on instance " + (i % n)
                        + ": a backend bug (BAD_OPCODE)");
            }
        }
        boolean[] crashed = new boolean[e.crashed.length];
        ExitStatus[] exits = new ExitStatus[e.status.length];
        ExitStatus[] byNumber = ExitStatus.values();
        for (int i = 0; i < crashed.length; i++) {
            crashed[i] = e.crashed[i] != 0;
            exits[i] = byNumber[e.status[i]]; // engine.h numbers them by ordinal
        }
        return BatchResult.fromEpisodes(req, e.returns, e.steps, e.calls, crashed, exits);
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
        if (closed) {
            throw new IllegalStateException("the OpenCL backend is closed");
        }
        int n = taskInstances.size();
        long total = (long) codes.length * n;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + total + " episodes is too large for one request");
        }
        Episodes e = new Episodes(new double[(int) total], new int[(int) total], new int[(int) total],
                new int[(int) total], new int[(int) total]);
        if (total > 0) {
            KernelSource.Config config = KernelSource.Config.of(task, maxCalls);
            KernelCache.Built kernel = kernels.kernelFor(config);
            instances.upload(config, taskInstances);
            uploadCode(codes);
            launch(config, kernel, n, (int) total, perEpisode, e);
        }
        return e;
    }

    /** Pairs per launch: device memory for the scratch, the option, a default; whole programs when possible. */
    int pairsPerLaunch(KernelSource.Config config, int instances, long totalPairs) {
        long cap = config.whileCapacity();
        long keysPerPair = cap * Sizeof.cl_ulong;
        long perPair = keysPerPair + cap * Sizeof.cl_uint + (config.snake() ? KernelSource.MT_WORDS * 4L : 0)
                + Sizeof.cl_double + 4L * Sizeof.cl_int;
        long byAlloc = device.maxAllocSize() / keysPerPair;
        long byGlobal = (long) (device.globalMemSize() * SCRATCH_SHARE_OF_GLOBAL) / perPair;
        long limit = Math.min(byAlloc, byGlobal);
        if (config.snake()) {
            limit = Math.min(limit, device.maxAllocSize() / (KernelSource.MT_WORDS * 4L) - localSize);
        }
        if (limit < 1) {
            throw new IllegalStateException("max_calls " + config.maxCalls() + " needs " + perPair
                    + " bytes of scratch per episode, more than " + device.describe() + " allows in one buffer");
        }
        limit = Math.min(limit, maxPairsOption > 0 ? maxPairsOption : (device.gpu() ? DEFAULT_MAX_PAIRS_GPU : DEFAULT_MAX_PAIRS_CPU));
        limit = Math.min(limit, totalPairs);
        if (limit >= instances) {
            limit -= limit % instances; // whole programs per launch: a warp never straddles two launches
        }
        return (int) Math.max(1, limit);
    }

    private void launch(KernelSource.Config config, KernelCache.Built kernel, int instances, int total, boolean perEpisode,
                        Episodes e) {
        double[] returns = e.returns;
        int[] steps = e.steps, calls = e.calls, crashed = e.crashed, status = e.status;
        int chunk = pairsPerLaunch(config, instances, total);
        long global = roundUp(chunk, localSize);
        long cap = config.whileCapacity();
        whileKeys.ensure(chunk * cap * Sizeof.cl_ulong, false);
        whileStamps.ensure(chunk * cap * Sizeof.cl_uint, true); // all zeros: empty for every stamp >= 1
        rngState.ensure(config.snake() ? global * KernelSource.MT_WORDS * Sizeof.cl_uint : Sizeof.cl_uint, false);
        outReturn.ensure(chunk * (long) Sizeof.cl_double, false);
        outSteps.ensure(chunk * (long) Sizeof.cl_int, false);
        outCalls.ensure(chunk * (long) Sizeof.cl_int, false);
        outCrashed.ensure(chunk * (long) Sizeof.cl_int, false);
        outStatus.ensure(chunk * (long) Sizeof.cl_int, false);

        cl_kernel k = kernel.kernel();
        int a = 0;
        setMem(k, a++, code);
        setMem(k, a++, codeOffsets);
        setInt(k, a++, instances);
        int pairBaseArg = a++;
        int pairCountArg = a++;
        setMem(k, a++, this.instances.hero);
        setMem(k, a++, this.instances.walls);
        setMem(k, a++, this.instances.markers);
        setMem(k, a++, this.instances.params);
        setInt(k, a++, this.instances.paramStride());
        clSetKernelArg(k, a++, Sizeof.cl_mem, Pointer.to(kernel.keyPow()));
        setMem(k, a++, whileKeys);
        setMem(k, a++, whileStamps);
        int stampArg = a++;
        setMem(k, a++, rngState);
        setMem(k, a++, outReturn);
        setMem(k, a++, outSteps);
        setMem(k, a++, outCalls);
        setMem(k, a++, outCrashed);
        setMem(k, a, outStatus);

        for (int base = 0; base < total; base += chunk) {
            int count = Math.min(chunk, total - base);
            setInt(k, pairBaseArg, base);
            setInt(k, pairCountArg, count);
            setInt(k, stampArg, nextStamp());
            clEnqueueNDRangeKernel(queue, k, 1, null, new long[] {roundUp(count, localSize)}, new long[] {localSize},
                    0, null, null);
            read(outReturn, Pointer.to(returns).withByteOffset((long) base * Sizeof.cl_double), (long) count * Sizeof.cl_double);
            read(outStatus, Pointer.to(status).withByteOffset((long) base * Sizeof.cl_int), (long) count * Sizeof.cl_int);
            if (perEpisode) {
                read(outSteps, Pointer.to(steps).withByteOffset((long) base * Sizeof.cl_int), (long) count * Sizeof.cl_int);
                read(outCalls, Pointer.to(calls).withByteOffset((long) base * Sizeof.cl_int), (long) count * Sizeof.cl_int);
                read(outCrashed, Pointer.to(crashed).withByteOffset((long) base * Sizeof.cl_int), (long) count * Sizeof.cl_int);
            }
        }
        clFinish(queue);
    }

    /** The launch's stamp: 1, 2, ...; on wrap-around the stamps buffer is cleared and counting restarts. */
    private int nextStamp() {
        stamp++;
        if (stamp > 0xFFFFFFFFL) {
            whileStamps.fillZero();
            stamp = 1;
        }
        return (int) stamp;
    }

    private static void read(DeviceBuffer from, Pointer to, long bytes) {
        from.read(to, bytes);
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static void setMem(cl_kernel k, int index, DeviceBuffer b) {
        clSetKernelArg(k, index, Sizeof.cl_mem, Pointer.to(b.mem()));
    }

    private static void setInt(cl_kernel k, int index, int value) {
        clSetKernelArg(k, index, Sizeof.cl_int, Pointer.to(new int[] {value}));
    }

    /** Uploads every program's code, concatenated, with the offsets where each starts (and the end). */
    private void uploadCode(int[][] codes) {
        int[] offsets = new int[codes.length + 1];
        for (int i = 0; i < codes.length; i++) {
            offsets[i + 1] = offsets[i] + codes[i].length;
        }
        int[] all = new int[offsets[codes.length]];
        for (int i = 0; i < codes.length; i++) {
            System.arraycopy(codes[i], 0, all, offsets[i], codes[i].length);
        }
        code.write(Pointer.to(all), (long) all.length * Sizeof.cl_int);
        codeOffsets.write(Pointer.to(offsets), (long) offsets.length * Sizeof.cl_int);
    }

    /** The kernel for a configuration, built on first use. */
    KernelCache.Built kernelFor(KernelSource.Config config) {
        return kernels.kernelFor(config);
    }

    /** Releases buffers, kernels, programs, the queue and the context, in reverse order of creation. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<DeviceBuffer> reversed = new ArrayList<>(buffers);
        java.util.Collections.reverse(reversed);
        for (DeviceBuffer b : reversed) {
            b.release();
        }
        kernels.release();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }
}
