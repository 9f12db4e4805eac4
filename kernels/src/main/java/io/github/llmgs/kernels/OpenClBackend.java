package io.github.llmgs.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.jocl.cl_program;

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
    private final Map<KernelSource.Config, Built> built = new LinkedHashMap<>();

    // Device buffers, allocated on first use and grown when needed; close() releases them in
    // reverse of this order, then the kernels and programs, the queue and the context.
    private final Buffer code = new Buffer("code", CL_MEM_READ_ONLY, true);
    private final Buffer codeOffsets = new Buffer("code offsets", CL_MEM_READ_ONLY, true);
    private final Buffer instHero = new Buffer("instance heroes", CL_MEM_READ_ONLY, true);
    private final Buffer instWalls = new Buffer("instance walls", CL_MEM_READ_ONLY, true);
    private final Buffer instMarkers = new Buffer("instance markers", CL_MEM_READ_ONLY, true);
    private final Buffer instParams = new Buffer("instance params", CL_MEM_READ_ONLY, true);
    private final Buffer whileKeys = new Buffer("WHILE keys", CL_MEM_READ_WRITE, false);
    private final Buffer whileStamps = new Buffer("WHILE stamps", CL_MEM_READ_WRITE, false);
    private final Buffer rngState = new Buffer("Snake MT19937 state", CL_MEM_READ_WRITE, false);
    private final Buffer outReturn = new Buffer("returns", CL_MEM_WRITE_ONLY, false);
    private final Buffer outSteps = new Buffer("steps", CL_MEM_WRITE_ONLY, false);
    private final Buffer outCalls = new Buffer("calls", CL_MEM_WRITE_ONLY, false);
    private final Buffer outCrashed = new Buffer("crash flags", CL_MEM_WRITE_ONLY, false);
    private final Buffer outStatus = new Buffer("exit statuses", CL_MEM_WRITE_ONLY, false);
    private final List<Buffer> buffers = List.of(code, codeOffsets, instHero, instWalls, instMarkers, instParams,
            whileKeys, whileStamps, rngState, outReturn, outSteps, outCalls, outCrashed, outStatus);

    /** The instance list now on the device (compared by equality) and its parameter stride. */
    private List<TaskInstance> uploadedInstances;
    private KernelSource.Config uploadedLayout;
    private int paramStride;

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
        for (int i = 0; i < crashed.length; i++) crashed[i] = e.crashed[i] != 0;
        return BatchResult.fromEpisodes(req, e.returns, e.steps, e.calls, crashed);
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
    synchronized Episodes run(Task task, List<TaskInstance> instances, int[][] codes, int maxCalls, boolean perEpisode) {
        if (closed) {
            throw new IllegalStateException("the OpenCL backend is closed");
        }
        int n = instances.size();
        long total = (long) codes.length * n;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + total + " episodes is too large for one request");
        }
        Episodes e = new Episodes(new double[(int) total], new int[(int) total], new int[(int) total],
                new int[(int) total], new int[(int) total]);
        if (total > 0) {
            KernelSource.Config config = KernelSource.Config.of(task, maxCalls);
            Built kernel = kernelFor(config);
            uploadInstances(config, instances);
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

    private void launch(KernelSource.Config config, Built kernel, int instances, int total, boolean perEpisode, Episodes e) {
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

        cl_kernel k = kernel.kernel;
        int a = 0;
        setMem(k, a++, code);
        setMem(k, a++, codeOffsets);
        setInt(k, a++, instances);
        int pairBaseArg = a++;
        int pairCountArg = a++;
        setMem(k, a++, instHero);
        setMem(k, a++, instWalls);
        setMem(k, a++, instMarkers);
        setMem(k, a++, instParams);
        setInt(k, a++, paramStride);
        clSetKernelArg(k, a++, Sizeof.cl_mem, Pointer.to(kernel.keyPow));
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

    private void read(Buffer from, Pointer to, long bytes) {
        clEnqueueReadBuffer(queue, from.mem, CL_TRUE, 0, bytes, to, 0, null, null);
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static void setMem(cl_kernel k, int index, Buffer b) {
        clSetKernelArg(k, index, Sizeof.cl_mem, Pointer.to(b.mem));
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

    /** Uploads the instances unless the same list (by equality) is already on the device. */
    private void uploadInstances(KernelSource.Config config, List<TaskInstance> instances) {
        if (instances.equals(uploadedInstances) && sameLayout(config, uploadedLayout)) {
            return;
        }
        int n = instances.size(), cells = config.cells(), words = config.wallWords();
        int stride = 1;
        for (TaskInstance t : instances) {
            if (t.rows() != config.rows() || t.cols() != config.cols()) {
                throw new IllegalArgumentException("instance " + t.task() + " seed " + t.seed() + " is " + t.rows() + "x"
                        + t.cols() + " but the task is " + config.rows() + "x" + config.cols());
            }
            stride = Math.max(stride, t.params().length);
        }
        int[] hero = new int[3 * n];
        int[] walls = new int[n * words];
        byte[] markers = new byte[n * cells];
        int[] params = new int[n * stride];
        for (int i = 0; i < n; i++) {
            TaskInstance t = instances.get(i);
            hero[3 * i] = t.heroRow();
            hero[3 * i + 1] = t.heroCol();
            hero[3 * i + 2] = t.heroDir();
            for (int c = 0; c < cells; c++) {
                if (t.walls()[c]) walls[i * words + (c >>> 5)] |= 1 << (c & 31);
            }
            System.arraycopy(t.markers(), 0, markers, i * cells, cells);
            System.arraycopy(t.params(), 0, params, i * stride, t.params().length);
        }
        instHero.write(Pointer.to(hero), (long) hero.length * Sizeof.cl_int);
        instWalls.write(Pointer.to(walls), (long) walls.length * Sizeof.cl_int);
        instMarkers.write(Pointer.to(markers), markers.length);
        instParams.write(Pointer.to(params), (long) params.length * Sizeof.cl_int);
        paramStride = stride;
        uploadedInstances = List.copyOf(instances);
        uploadedLayout = config;
    }

    private static boolean sameLayout(KernelSource.Config a, KernelSource.Config b) {
        return b != null && a.rows() == b.rows() && a.cols() == b.cols();
    }

    /** The kernel for a configuration, built on first use. */
    Built kernelFor(KernelSource.Config config) {
        Built b = built.get(config);
        if (b == null) {
            b = build(config);
            built.put(config, b);
        }
        return b;
    }

    private Built build(KernelSource.Config config) {
        String options = config.buildOptions();
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {KernelSource.program()}, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.device()}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new IllegalStateException("OpenCL build of " + KernelSource.KERNEL_FILE + " failed on " + device.describe()
                    + " with options '" + options + "' (" + e.getMessage() + "); build log:\n" + log, e);
        }
        cl_kernel kernel;
        try {
            kernel = clCreateKernel(program, KernelSource.KERNEL_NAME, null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new IllegalStateException("OpenCL kernel '" + KernelSource.KERNEL_NAME + "' unavailable on "
                    + device.describe() + " (" + e.getMessage() + "); build log:\n" + log, e);
        }
        long[] powers = keyPowers(config.cells());
        cl_mem keyPow = clCreateBuffer(context, CL_MEM_READ_ONLY, (long) powers.length * Sizeof.cl_ulong, null, null);
        clEnqueueWriteBuffer(queue, keyPow, CL_TRUE, 0, (long) powers.length * Sizeof.cl_ulong, Pointer.to(powers), 0, null, null);
        return new Built(program, kernel, keyPow);
    }

    /** KEY_BASE^k for k = 0..cells, as World's keyBasePowers. */
    static long[] keyPowers(int cells) {
        long[] p = new long[cells + 1];
        p[0] = 1;
        for (int i = 1; i < p.length; i++) {
            p[i] = p[i - 1] * 0x9E3779B97F4A7C15L;
        }
        return p;
    }

    private String buildLog(cl_program program) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] bytes = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes), null);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) end++;
            String log = new String(bytes, 0, end, StandardCharsets.UTF_8).strip();
            return log.isEmpty() ? "(empty)" : log;
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }

    /** Releases buffers, kernels, programs, the queue and the context, in reverse order of creation. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Buffer> reversed = new ArrayList<>(buffers);
        java.util.Collections.reverse(reversed);
        for (Buffer b : reversed) {
            b.release();
        }
        List<Built> kernels = new ArrayList<>(built.values());
        java.util.Collections.reverse(kernels);
        for (Built b : kernels) {
            clReleaseMemObject(b.keyPow);
            clReleaseKernel(b.kernel);
            clReleaseProgram(b.program);
        }
        built.clear();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }

    /** A built program: its kernel and the key-power table for its grid size. */
    record Built(cl_program program, cl_kernel kernel, cl_mem keyPow) {}

    /** A device buffer kept across batches; grows (never shrinks) when a batch needs more. */
    private final class Buffer {
        final String what;
        final long flags;
        /** Small input buffers grow by doubling; scratch is sized exactly to its launch. */
        final boolean doubling;
        cl_mem mem;
        long bytes;

        Buffer(String what, long flags, boolean doubling) {
            this.what = what;
            this.flags = flags;
            this.doubling = doubling;
        }

        /** Makes the buffer at least that large; true if it was (re)allocated. Zero-fills new ones if asked. */
        boolean ensure(long need, boolean zero) {
            need = Math.max(need, 16);
            if (mem != null && bytes >= need) {
                return false;
            }
            release();
            long size = need;
            if (doubling && bytes > 0) {
                size = Math.max(need, Math.min(bytes * 2, device.maxAllocSize()));
            }
            try {
                mem = clCreateBuffer(context, flags, size, null, null);
            } catch (CLException e) {
                throw new IllegalStateException("cannot allocate " + size + " bytes for the " + what + " buffer on "
                        + device.describe() + ": " + e.getMessage(), e);
            }
            bytes = size;
            if (zero) {
                fillZero();
            }
            return true;
        }

        void write(Pointer from, long size) {
            ensure(size, false);
            if (size > 0) {
                clEnqueueWriteBuffer(queue, mem, CL_TRUE, 0, size, from, 0, null, null);
            }
        }

        void fillZero() {
            clEnqueueFillBuffer(queue, mem, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, bytes, 0, null, null);
            clFinish(queue);
        }

        void release() {
            if (mem != null) {
                clReleaseMemObject(mem);
                mem = null;
            }
        }
    }
}
