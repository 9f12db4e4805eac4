package io.github.llmgs.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clSetKernelArg;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.batch.BackendOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;

/**
 * What every domain's OpenCL backend shares: one device's context and queue, the kernels built
 * for it, the buffers every launch has (the programs' code and the WHILE scratch), launch sizing
 * and the chunked launch loop. A domain backend ({@link OpenClBackend} for Karel,
 * {@code minigrid.MiniGridOpenCl}) adds its instance buffers and outputs and sets its kernel's
 * own arguments; every kernel starts with the same five (code, code offsets, instances per
 * program, first pair, pair count) and takes the WHILE keys, stamps and the launch's stamp.
 *
 * <p>Batches larger than a launch (device memory for the WHILE tables,
 * {@link BackendOptions#maxPairsPerLaunch()}) run in chunks of whole programs; every episode's
 * results are its own, so chunking never changes them.
 *
 * <p>Work-groups hold 64 work-items on a GPU (two programs of 32 instances, one warp each) and 32
 * elsewhere; {@code -Dllmgs.opencl.localSize=N} overrides that for experiments.
 */
public final class DeviceContext implements AutoCloseable {
    /** Launch sizes when options leave them open: GPUs want many warps, a CPU a few groups per core. */
    private static final int DEFAULT_MAX_PAIRS_GPU = 1 << 16;
    private static final int DEFAULT_MAX_PAIRS_CPU = 1 << 12;
    /** Share of the device's global memory the per-episode scratch may take. */
    private static final double SCRATCH_SHARE_OF_GLOBAL = 0.25;
    /** Kernel arguments every domain's kernel starts with: code, code offsets, instances, first pair, pair count. */
    private static final int PAIR_BASE_ARG = 3;
    private static final int PAIR_COUNT_ARG = 4;

    private final OpenClDevice device;
    private final int maxPairsOption;
    private final int localSize;
    private final cl_context context;
    private final cl_command_queue queue;
    private final KernelCache kernels;
    /** Every buffer made here, released newest first by close. */
    private final List<DeviceBuffer> buffers = new ArrayList<>();
    private final DeviceBuffer code;
    private final DeviceBuffer codeOffsets;
    private final DeviceBuffer whileKeys;
    private final DeviceBuffer whileStamps;

    /** Stamp of the last launch; WHILE slots of older launches read as empty. */
    private long stamp;
    private boolean closed;

    private DeviceContext(OpenClDevice device, BackendOptions options) {
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
        this.kernels = new KernelCache(context, device);
        code = buffer("code", CL_MEM_READ_ONLY, true);
        codeOffsets = buffer("code offsets", CL_MEM_READ_ONLY, true);
        whileKeys = buffer("WHILE keys", CL_MEM_READ_WRITE, false);
        whileStamps = buffer("WHILE stamps", CL_MEM_READ_WRITE, false);
    }

    @SuppressWarnings("deprecation")
    private cl_command_queue createQueue() {
        return clCreateCommandQueue(context, device.device(), 0, null);
    }

    /**
     * Opens the device {@link BackendOptions#device()} names (see {@link OpenClDevice#select}) with
     * the devices from {@code lister}, which may fail as a broken installation would. Fails with a
     * one-line {@link BackendException} when no runtime, no such device, no fp64, or threads asked of it.
     */
    static DeviceContext open(BackendOptions options, Supplier<List<OpenClDevice>> lister) {
        if (options.threads() != 0) {
            throw new BackendException("--threads " + options.threads() + ": the " + OpenClBackend.NAME + " backend runs on its "
                    + "OpenCL device, not on CPU threads (--threads is for cpu, reference and auto)");
        }
        List<OpenClDevice> devices;
        try {
            devices = lister.get();
        } catch (RuntimeException | LinkageError e) {
            // no runtime, no platform, no signal chaining: the user's to fix, so one line, no trace
            throw new BackendException("backend " + OpenClBackend.NAME + ": " + OpenClBackendProvider.reason(e), e);
        }
        OpenClDevice d = OpenClDevice.select(devices, options.device());
        if (!d.fp64()) {
            throw new BackendException(OpenClBackendProvider.noFp64(d));
        }
        try {
            return new DeviceContext(d, options);
        } catch (CLException e) {
            throw new BackendException("cannot open OpenCL device " + d.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The device in words: name, platform and OpenCL version. */
    public String describe() {
        return device.describe();
    }

    public boolean gpu() {
        return device.gpu();
    }

    /** A buffer of this device, kept across batches and released by {@link #close}. */
    public DeviceBuffer buffer(String what, long flags, boolean doubling) {
        DeviceBuffer b = new DeviceBuffer(what, flags, doubling, context, queue, device);
        buffers.add(b);
        return b;
    }

    /** The kernel for a specialisation, built on first use and kept. */
    public cl_kernel kernel(KernelSpec spec) {
        return kernelFor(spec).kernel();
    }

    KernelCache.Built kernelFor(KernelSpec spec) {
        checkOpen();
        return kernels.kernelFor(spec);
    }

    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the OpenCL backend is closed");
        }
    }

    /**
     * Pairs per launch: device memory for the WHILE tables and {@code extraBytesPerPair} (outputs,
     * per-episode state), at most {@code extraLimit} (a domain's own cap), the option or a default;
     * whole programs when possible.
     */
    public int pairsPerLaunch(long whileCapacity, long extraBytesPerPair, long extraLimit, int instances, long totalPairs) {
        long keysPerPair = whileCapacity * Sizeof.cl_ulong;
        long perPair = keysPerPair + whileCapacity * Sizeof.cl_uint + extraBytesPerPair;
        long byAlloc = device.maxAllocSize() / keysPerPair;
        long byGlobal = (long) (device.globalMemSize() * SCRATCH_SHARE_OF_GLOBAL) / perPair;
        long limit = Math.min(Math.min(byAlloc, byGlobal), extraLimit);
        if (limit < 1) {
            throw new IllegalStateException("this call limit needs " + perPair + " bytes of scratch per episode, more than "
                    + device.describe() + " allows in one buffer");
        }
        limit = Math.min(limit, maxPairsOption > 0 ? maxPairsOption : (device.gpu() ? DEFAULT_MAX_PAIRS_GPU : DEFAULT_MAX_PAIRS_CPU));
        limit = Math.min(limit, totalPairs);
        if (limit >= instances) {
            limit -= limit % instances; // whole programs per launch: a warp never straddles two launches
        }
        return (int) Math.max(1, limit);
    }

    /** The most bytes one buffer may have on this device. */
    public long maxAllocSize() {
        return device.maxAllocSize();
    }

    /** Work-items per group; launches are rounded up to it. */
    public int localSize() {
        return localSize;
    }

    /** Uploads every program's code, concatenated, with the offsets where each starts (and the end). */
    public void uploadCode(int[][] codes) {
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

    /**
     * Sets the five leading arguments every domain's kernel takes and sizes the WHILE scratch for
     * {@code chunk} pairs; the caller then sets its own arguments from index {@link #firstDomainArg()}.
     */
    public void prepare(cl_kernel k, int instances, int chunk, long whileCapacity) {
        whileKeys.ensure(chunk * whileCapacity * Sizeof.cl_ulong, false);
        whileStamps.ensure(chunk * whileCapacity * Sizeof.cl_uint, true); // all zeros: empty for every stamp >= 1
        setMem(k, 0, code);
        setMem(k, 1, codeOffsets);
        setInt(k, 2, instances);
    }

    /** The first argument index after the five shared ones. */
    public int firstDomainArg() {
        return PAIR_COUNT_ARG + 1;
    }

    public DeviceBuffer whileKeys() {
        return whileKeys;
    }

    public DeviceBuffer whileStamps() {
        return whileStamps;
    }

    /** A per-episode output: read back after each launch into {@code host}, from the chunk's first pair. */
    public record Output(DeviceBuffer buffer, Pointer host, int elementBytes) {
        public static Output of(DeviceBuffer buffer, double[] host) {
            return new Output(buffer, Pointer.to(host), Sizeof.cl_double);
        }

        public static Output of(DeviceBuffer buffer, int[] host) {
            return new Output(buffer, Pointer.to(host), Sizeof.cl_int);
        }

        void ensure(int chunk) {
            buffer.ensure((long) chunk * elementBytes, false);
        }

        void read(int base, int count) {
            buffer.read(host.withByteOffset((long) base * elementBytes), (long) count * elementBytes);
        }
    }

    /** Sizes every output buffer for {@code chunk} pairs; call before setting them as arguments. */
    public void ensureOutputs(List<Output> outputs, int chunk) {
        for (Output o : outputs) o.ensure(chunk);
    }

    /**
     * Runs {@code total} pairs in launches of {@code chunk}, each with a fresh WHILE stamp at
     * argument {@code stampArg}, reading the outputs back after each launch.
     */
    public void launch(cl_kernel k, int stampArg, int total, int chunk, List<Output> outputs) {
        for (int base = 0; base < total; base += chunk) {
            int count = Math.min(chunk, total - base);
            setInt(k, PAIR_BASE_ARG, base);
            setInt(k, PAIR_COUNT_ARG, count);
            setInt(k, stampArg, nextStamp());
            clEnqueueNDRangeKernel(queue, k, 1, null, new long[] {roundUp(count, localSize)}, new long[] {localSize},
                    0, null, null);
            for (Output o : outputs) o.read(base, count);
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

    /**
     * Verified code never makes a kernel report BAD_OPCODE; if one does, that is a backend bug,
     * named with the program and the instance ({@code instance} says which, e.g. "on instance 3").
     */
    public static void refuseBadOpcodes(int[] status, int instances, List<Node.Program> programs, IntFunction<String> instance) {
        for (int i = 0; i < status.length; i++) {
            if (status[i] == ExitStatus.BAD_OPCODE.ordinal()) {
                throw new IllegalStateException("the OpenCL kernel rejected the verified bytecode of program " + (i / instances)
                        + " (" + Printer.print(programs.get(i / instances)) + ") " + instance.apply(i % instances)
                        + ": a backend bug (BAD_OPCODE)");
            }
        }
    }

    public static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    public static void setMem(cl_kernel k, int index, DeviceBuffer b) {
        clSetKernelArg(k, index, Sizeof.cl_mem, Pointer.to(b.mem()));
    }

    public static void setInt(cl_kernel k, int index, int value) {
        clSetKernelArg(k, index, Sizeof.cl_int, Pointer.to(new int[] {value}));
    }

    /** Releases buffers, kernels, programs, the queue and the context, in reverse order of creation. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<DeviceBuffer> reversed = new ArrayList<>(buffers);
        Collections.reverse(reversed);
        for (DeviceBuffer b : reversed) {
            b.release();
        }
        kernels.release();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }
}
