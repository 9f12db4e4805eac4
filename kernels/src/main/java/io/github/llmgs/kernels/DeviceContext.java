package io.github.llmgs.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
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
import org.jocl.cl_event;
import org.jocl.cl_kernel;

/**
 * What every domain's OpenCL backend shares: one device's context and queue, the kernels built
 * for it, the buffers every launch has (the programs' code and the WHILE tables' pool), launch
 * sizing and the chunked launch loop with its reruns. A domain backend ({@link OpenClBackend} for
 * Karel, {@code minigrid.MiniGridOpenCl}) adds its instance buffers and outputs and sets its
 * kernel's own arguments; every kernel starts with the same {@value #SHARED_ARGS} (code, code
 * offsets, instances per program, first pair, pair count, retry slots, retrying, the pool's keys
 * and stamps, the launch's stamp, the pool's counter and its size), which {@link #prepare} and
 * {@link #launch} set.
 *
 * <p>Batches larger than a launch (device memory, {@link BackendOptions#maxPairsPerLaunch()}) run
 * in chunks of whole programs; every episode's results are its own, so chunking never changes
 * them. A launch's WHILE memory is bounded ({@link WhileTables}): the pairs that found no large
 * table left end with {@link WhileTables#STATUS_RETRY} and run again, before the launch's outputs
 * are read, in retry launches where each has one; results never depend on which pairs retried.
 *
 * <p>Work-groups hold 64 work-items on a GPU (two programs of 32 instances, one warp each) and 32
 * elsewhere; {@code -Dllmgs.opencl.localSize=N} overrides that for experiments. Likewise
 * {@code -Dllmgs.opencl.whileTables=N} fixes every launch's pool at N large WHILE tables (0: every
 * episode that outgrows its private table reruns), which tests use to force the retry path.
 */
public final class DeviceContext implements AutoCloseable {
    /** Launch sizes when options leave them open: GPUs want many warps, a CPU a few groups per core. */
    /**
     * An H100 holds about 270,000 resident work-items (132 SMs x 2,048): a launch needs that many
     * pairs to fill it, which the bounded WHILE memory now allows (memory still caps it).
     */
    private static final int DEFAULT_MAX_PAIRS_GPU = 1 << 19;
    private static final int DEFAULT_MAX_PAIRS_CPU = 1 << 12;
    /** Share of the device's global memory a launch's scratch (WHILE pool, outputs, state) may take. */
    static final double SCRATCH_SHARE_OF_GLOBAL = 0.25;
    /** Kernel arguments every domain's kernel starts with, in this order (see the class comment). */
    private static final int PAIR_BASE_ARG = 3;
    private static final int PAIR_COUNT_ARG = 4;
    private static final int RETRY_SLOTS_ARG = 5;
    private static final int RETRYING_ARG = 6;
    private static final int WHILE_KEYS_ARG = 7;
    private static final int WHILE_STAMPS_ARG = 8;
    private static final int STAMP_ARG = 9;
    private static final int WHILE_NEXT_ARG = 10;
    private static final int WHILE_TABLES_ARG = 11;
    static final int SHARED_ARGS = 12;

    private final OpenClDevice device;
    private final int maxPairsOption;
    private final int localSize;
    private final cl_context context;
    private final cl_command_queue queue;
    /** Device time by kind from the queue's profiling events, while a profiler asks for it. */
    private final QueueTimer timer;
    private final KernelCache kernels;
    /** Every buffer made here, released newest first by close. */
    private final List<DeviceBuffer> buffers = new ArrayList<>();
    private final DeviceBuffer code;
    private final DeviceBuffer codeOffsets;
    private final DeviceBuffer whileKeys;
    private final DeviceBuffer whileStamps;
    private final DeviceBuffer whileNext;
    private final DeviceBuffer retrySlots;
    /** {@code -Dllmgs.opencl.whileTables=N}: N large tables per launch whatever its size (tests force the retry path with 0 and 1); -1: sized by {@link WhileTables#tables}. */
    private final int tablesOverride;

    /** Stamp of the last launch; WHILE slots of older launches read as empty. */
    private long stamp;
    /** Large tables in the pool of the launches {@link #prepare} set up, and the most pairs per retry launch (at least 1). */
    private int tables;
    private int retryLaunch = 1;
    private long whileCapacity;
    /** Pairs rerun because their launch's pool was empty, since this context opened. */
    private long retriedPairs;
    private boolean closed;

    private DeviceContext(OpenClDevice device, BackendOptions options) {
        this.device = device;
        this.maxPairsOption = Math.max(0, options.maxPairsPerLaunch());
        this.localSize = Integer.getInteger("llmgs.opencl.localSize", device.gpu() ? 64 : 32);
        this.tablesOverride = Math.max(-1, Integer.getInteger("llmgs.opencl.whileTables", -1));
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, device.platform());
        this.context = clCreateContext(properties, 1, new cl_device_id[] {device.device()}, null, null, null);
        cl_command_queue q;
        boolean profiling = true;
        try {
            try {
                q = createQueue(CL_QUEUE_PROFILING_ENABLE);
            } catch (CLException e) {
                profiling = false; // a device without profiling events: no device times, same results
                q = createQueue(0);
            }
        } catch (RuntimeException e) {
            clReleaseContext(context);
            throw e;
        }
        this.queue = q;
        this.timer = new QueueTimer(profiling);
        this.kernels = new KernelCache(context, device);
        code = buffer("code", CL_MEM_READ_ONLY, true);
        codeOffsets = buffer("code offsets", CL_MEM_READ_ONLY, true);
        whileKeys = buffer("WHILE keys", CL_MEM_READ_WRITE, false);
        whileStamps = buffer("WHILE stamps", CL_MEM_READ_WRITE, false);
        whileNext = buffer("WHILE table counter", CL_MEM_READ_WRITE, false);
        retrySlots = buffer("retry slots", CL_MEM_READ_ONLY, false);
    }

    @SuppressWarnings("deprecation")
    private cl_command_queue createQueue(long properties) {
        return clCreateCommandQueue(context, device.device(), properties, null);
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
        DeviceBuffer b = new DeviceBuffer(what, flags, doubling, context, queue, device, timer);
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
     * Pairs per launch: device memory for {@code extraBytesPerPair} per pair (outputs, per-episode
     * state) and the launch's pool of large WHILE tables ({@link WhileTables#largestLaunch}), at
     * most {@code extraLimit} (a domain's own cap), the option or a default; whole programs when possible.
     */
    public int pairsPerLaunch(long whileCapacity, long extraBytesPerPair, long extraLimit, int instances, long totalPairs) {
        long limit = Math.min(WhileTables.largestLaunch(device.globalMemSize(), SCRATCH_SHARE_OF_GLOBAL, device.maxAllocSize(),
                whileCapacity, extraBytesPerPair, tablesOverride), extraLimit);
        if (limit < 1) {
            throw new IllegalStateException("this call limit needs " + WhileTables.tableBytes(whileCapacity) + " bytes for a "
                    + "large WHILE table, more than " + device.describe() + " allows in one buffer");
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
     * Sets the leading arguments every domain's kernel takes (but those {@link #launch} sets per
     * launch) and sizes the pool of large WHILE tables for launches of {@code chunk} pairs with
     * {@code bytesPerPair} of their own; the caller then sets its own arguments from index
     * {@link #firstDomainArg()}.
     *
     * <p>Retry launches are as large as the scratch share left beside the launch's own buffers
     * allows (at least the pool, at most the launch), and their tables are allocated only when
     * pairs retry: a batch where most episodes outgrow the private table then reruns in a few
     * launches (at 80 GB, a 65,536-pair launch in one) while a batch that does not keeps the small pool.
     */
    public void prepare(cl_kernel k, int instances, int chunk, long whileCapacity, long bytesPerPair) {
        this.whileCapacity = whileCapacity;
        tables = (int) Math.min(chunk, tablesOverride >= 0 ? tablesOverride : WhileTables.tables(chunk));
        long budget = (long) (device.globalMemSize() * SCRATCH_SHARE_OF_GLOBAL) - chunk * bytesPerPair;
        long byMemory = Math.min(budget / WhileTables.tableBytes(whileCapacity), device.maxAllocSize() / (whileCapacity * Sizeof.cl_ulong));
        retryLaunch = (int) Math.max(1, tablesOverride >= 0 ? tables : Math.min(chunk, Math.max(tables, byMemory)));
        whileNext.ensure(Sizeof.cl_uint, false);
        setMem(k, 0, code);
        setMem(k, 1, codeOffsets);
        setInt(k, 2, instances);
        setMem(k, WHILE_NEXT_ARG, whileNext);
        ensureTables(k, Math.max(1, tables));
    }

    /** Makes the pool hold at least {@code n} large tables (and retry slots for n pairs), as {@code k}'s arguments. */
    private void ensureTables(cl_kernel k, int n) {
        whileKeys.ensure(n * whileCapacity * Sizeof.cl_ulong, false);
        whileStamps.ensure(n * whileCapacity * Sizeof.cl_uint, true); // all zeros: empty for every stamp >= 1
        retrySlots.ensure((long) n * Sizeof.cl_int, false);
        setMem(k, RETRY_SLOTS_ARG, retrySlots); // a buffer that grew is a new one
        setMem(k, WHILE_KEYS_ARG, whileKeys);
        setMem(k, WHILE_STAMPS_ARG, whileStamps);
    }

    /** Turns collecting device times on or off (clearing them); see {@link io.github.llmgs.engine.profile.ProfiledBackend}. */
    public void profileTimes(boolean on) {
        timer.enable(on);
    }

    /** Whether device times are being collected. */
    public boolean profilingTimes() {
        return timer.on();
    }

    /** Device time spent on uploads so far (to split a host section's wall time into packing and uploading). */
    public long uploadNanos() {
        return timer.uploadNanos();
    }

    /** Adds host time a domain backend measured: compiling, packing, unpacking, its whole evaluate call. */
    public void hostTimes(long compileNs, long packNs, long unpackNs, long evaluateNs) {
        timer.host(compileNs, packNs, unpackNs, evaluateNs);
    }

    /** The times summed since collection was turned on or last taken, cleared; the work-group size is this context's. */
    public io.github.llmgs.engine.profile.DeviceTimes takeTimes() {
        return timer.take(localSize);
    }

    /** The first argument index after the shared ones. */
    public int firstDomainArg() {
        return SHARED_ARGS;
    }

    /** Pairs rerun because their launch's pool of large WHILE tables was empty, since this context opened. */
    public long retriedPairs() {
        return retriedPairs;
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
     * Runs {@code total} pairs in launches of {@code chunk}. After each, the exit statuses
     * ({@code statuses}, into {@code status}) say which pairs found no large WHILE table; those
     * run again in retry launches of at most the pool's size, writing over their own slots, and
     * then the launch's {@code outputs} are read back.
     */
    public void launch(cl_kernel k, int total, int chunk, DeviceBuffer statuses, int[] status, List<Output> outputs) {
        Output statusOut = Output.of(statuses, status);
        for (int base = 0; base < total; base += chunk) {
            int count = Math.min(chunk, total - base);
            enqueue(k, base, count, 0);
            statusOut.read(base, count);
            int[] retry = slotsToRetry(status, base, count);
            if (retry.length > 0) {
                int size = Math.min(retryLaunch, retry.length);
                ensureTables(k, size);
                for (int from = 0; from < retry.length; from += size) {
                    int n = Math.min(size, retry.length - from);
                    retrySlots.write(Pointer.to(retry).withByteOffset((long) from * Sizeof.cl_int), (long) n * Sizeof.cl_int);
                    enqueue(k, base, n, n);
                }
                statusOut.read(base, count);
                if (slotsToRetry(status, base, count).length > 0) {
                    throw new IllegalStateException("a retry launch, with a large WHILE table for every pair, ended a pair with "
                            + "STATUS_RETRY: a backend bug");
                }
                retriedPairs += retry.length;
            }
            for (Output o : outputs) o.read(base, count);
        }
        clFinish(queue);
        timer.settle();
    }

    /**
     * One launch of {@code count} pairs from {@code base}, with a fresh stamp and an unused pool;
     * {@code retryTables} &gt; 0 makes it a retry launch of the pairs the retry slots name, with
     * that many tables (one each), else it runs them all with the launch's pool.
     */
    private void enqueue(cl_kernel k, int base, int count, int retryTables) {
        whileNext.zero();
        setInt(k, PAIR_BASE_ARG, base);
        setInt(k, PAIR_COUNT_ARG, count);
        setInt(k, RETRYING_ARG, retryTables > 0 ? 1 : 0);
        setInt(k, STAMP_ARG, nextStamp());
        setInt(k, WHILE_TABLES_ARG, retryTables > 0 ? retryTables : tables);
        long global = roundUp(count, localSize);
        cl_event e = timer.event();
        clEnqueueNDRangeKernel(queue, k, 1, null, new long[] {global}, new long[] {localSize}, 0, null, e);
        timer.pending(e, QueueTimer.Kind.KERNEL);
        timer.launched(global);
    }

    /** The offsets from {@code base} of the launch's pairs that ended with {@link WhileTables#STATUS_RETRY}. */
    private static int[] slotsToRetry(int[] status, int base, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (status[base + i] == WhileTables.STATUS_RETRY) n++;
        }
        int[] slots = new int[n];
        for (int i = 0, j = 0; j < n; i++) {
            if (status[base + i] == WhileTables.STATUS_RETRY) slots[j++] = i;
        }
        return slots;
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
