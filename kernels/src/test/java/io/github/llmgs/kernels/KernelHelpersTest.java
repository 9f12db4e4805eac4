package io.github.llmgs.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clSetKernelArg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.vm.WhileMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel's helpers against the Java they port, one by one, on inputs episodes rarely reach:
 * state keys of worlds with cells at ten markers (where the digit string gets longer), marker
 * updates, WHILE digests, and long MT19937 streams. A probe kernel is appended to karel.cl and
 * calls the helpers directly.
 */
class KernelHelpersTest {
    private static final String PROBES = """

            __kernel void probeStateKey(__global const uchar* markers, __global const int* hero, __global const int* ops,
                                        const int opCount, __global const ulong* keyPow, __global ulong* out) {
                int g = get_global_id(0);
                World world;
                World* w = &world;
                for (int i = 0; i < WALL_WORDS; i++) w->wall[i] = 0;
                for (int i = 0; i < CELLS; i++) w->markers[i] = markers[g * CELLS + i];
                w->row = hero[3 * g];
                w->col = hero[3 * g + 1];
                w->dir = hero[3 * g + 2];
                w->numCalls = 0;
                w->crashed = 0;
                recountMarkers(w, keyPow);
                out[4 * g] = worldStateKey(w, keyPow);
                for (int k = 0; k < opCount; k++) {
                    int op = ops[g * opCount + k];
                    if (op >= 0) addMarker(w, op, keyPow); else removeMarker(w, -op - 1, keyPow);
                }
                out[4 * g + 1] = worldStateKey(w, keyPow);
                out[4 * g + 2] = whileDigest(g % MAX_WHILES, out[4 * g + 1]);
                out[4 * g + 3] = ((ulong) w->markerTotal << 32) | ((ulong) w->cellsOverOne << 16) | (ulong) w->cellsAtTen;
            }

            __kernel void probeOperands(__global int* out) {
                int g = get_global_id(0);
                out[g] = operands(g);
            }

            #if TASK == TASK_SNAKE
            __kernel void probeRandomState(__global const uint* seeds, __global uint* mt, __global int* out, const int draws) {
                int g = get_global_id(0);
                RandomState rs;
                rs.mt = mt + g;
                rs.stride = get_global_size(0);
                reseed(&rs, seeds[g]);
                for (int k = 0; k < draws; k++) {
                    out[g * draws + k] = (k % 3 == 2) ? (int) interval(&rs, 1000000u) : randint(&rs, 1, 7);
                }
            }
            #endif
            """;

    private static cl_context context;
    private static cl_command_queue queue;
    private static OpenClDevice device;

    @BeforeAll
    @SuppressWarnings("deprecation")
    static void open() {
        OpenClTestSupport.requireDevice(BackendOptions.defaults());
        device = OpenClDevice.select(OpenClBackendProvider.devices(), null);
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, device.platform());
        context = clCreateContext(properties, 1, new cl_device_id[] {device.device()}, null, null, null);
        queue = clCreateCommandQueue(context, device.device(), 0, null);
    }

    @AfterAll
    static void close() {
        if (queue != null) clReleaseCommandQueue(queue);
        if (context != null) clReleaseContext(context);
    }

    private static cl_program build(KernelSource.Config config) {
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {KernelSource.program(KernelSource.KERNEL_FILE) + PROBES}, null, null);
        clBuildProgram(program, 1, new cl_device_id[] {device.device()}, config.buildOptions(), null, null);
        return program;
    }

    private static cl_mem input(Pointer p, long bytes) {
        return clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, Math.max(bytes, 4), p, null);
    }

    @Test
    void stateKeysMarkerCountsAndDigestsMatchWorld() {
        int rows = 14, cols = 22, cells = rows * cols, worlds = 512, opCount = 40;
        KernelSource.Config config = new KernelSource.Config(5, false, rows, cols, 10_000); // CleanHouse's size
        SplittableRandom rng = new SplittableRandom(7);
        byte[] markers = new byte[worlds * cells];
        int[] hero = new int[3 * worlds];
        int[] ops = new int[worlds * opCount];
        List<TaskInstance> instances = new ArrayList<>();
        for (int g = 0; g < worlds; g++) {
            byte[] m = new byte[cells];
            int style = g % 4; // empty, sparse, dense, saturated
            for (int c = 0; c < cells; c++) {
                int v = switch (style) {
                    case 0 -> 0;
                    case 1 -> rng.nextInt(12) == 0 ? 1 + rng.nextInt(10) : 0;
                    case 2 -> rng.nextInt(11);
                    default -> rng.nextInt(3) == 0 ? 10 : 9;
                };
                m[c] = (byte) v;
            }
            System.arraycopy(m, 0, markers, g * cells, cells);
            hero[3 * g] = rng.nextInt(rows);
            hero[3 * g + 1] = rng.nextInt(cols);
            hero[3 * g + 2] = rng.nextInt(4);
            for (int k = 0; k < opCount; k++) {
                int cell = rng.nextInt(cells);
                ops[g * opCount + k] = rng.nextBoolean() ? cell : -cell - 1;
            }
            instances.add(new TaskInstance("probe", g, rows, cols, new boolean[cells], m, hero[3 * g], hero[3 * g + 1],
                    hero[3 * g + 2], new int[0]));
        }
        long[] powers = InstanceUpload.keyPowers(cells);
        long[] out = new long[4 * worlds];
        cl_program program = build(config);
        cl_kernel kernel = clCreateKernel(program, "probeStateKey", null);
        cl_mem mMarkers = input(Pointer.to(markers), markers.length);
        cl_mem mHero = input(Pointer.to(hero), (long) hero.length * Sizeof.cl_int);
        cl_mem mOps = input(Pointer.to(ops), (long) ops.length * Sizeof.cl_int);
        cl_mem mPow = input(Pointer.to(powers), (long) powers.length * Sizeof.cl_ulong);
        cl_mem mOut = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) out.length * Sizeof.cl_ulong, null, null);
        try {
            clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(mMarkers));
            clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(mHero));
            clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(mOps));
            clSetKernelArg(kernel, 3, Sizeof.cl_int, Pointer.to(new int[] {opCount}));
            clSetKernelArg(kernel, 4, Sizeof.cl_mem, Pointer.to(mPow));
            clSetKernelArg(kernel, 5, Sizeof.cl_mem, Pointer.to(mOut));
            clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {worlds}, null, 0, null, null);
            clEnqueueReadBuffer(queue, mOut, CL_TRUE, 0, (long) out.length * Sizeof.cl_ulong, Pointer.to(out), 0, null, null);
        } finally {
            clReleaseMemObject(mOut);
            clReleaseMemObject(mPow);
            clReleaseMemObject(mOps);
            clReleaseMemObject(mHero);
            clReleaseMemObject(mMarkers);
            clReleaseKernel(kernel);
            clReleaseProgram(program);
        }
        World world = new World(rows, cols);
        for (int g = 0; g < worlds; g++) {
            world.load(instances.get(g), 10_000);
            assertEquals(world.stateKey(), out[4 * g], "stateKey after load, world " + g);
            for (int k = 0; k < opCount; k++) {
                int op = ops[g * opCount + k];
                if (op >= 0) world.addMarker(op); else world.removeMarker(-op - 1);
            }
            assertEquals(world.stateKey(), out[4 * g + 1], "stateKey after marker updates, world " + g);
            assertEquals(WhileMemory.whileDigest(g % 64, world.stateKey()), out[4 * g + 2], "whileDigest, world " + g);
            int over = 0, ten = 0;
            for (byte m : world.markers) {
                if (m > 1) over++;
                if (m == 10) ten++;
            }
            long counts = ((long) world.markerTotal() << 32) | ((long) over << 16) | ten;
            assertEquals(counts, out[4 * g + 3], "markerTotal / cellsOverOne / cellsAtTen, world " + g);
        }
    }

    @Test
    void operandCountsMatchTheOpcodeEnum() {
        int n = 64;
        int[] out = new int[n];
        cl_program program = build(new KernelSource.Config(0, false, 12, 12, 10_000));
        cl_kernel kernel = clCreateKernel(program, "probeOperands", null);
        cl_mem mOut = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) n * Sizeof.cl_int, null, null);
        try {
            clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(mOut));
            clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {n}, null, 0, null, null);
            clEnqueueReadBuffer(queue, mOut, CL_TRUE, 0, (long) n * Sizeof.cl_int, Pointer.to(out), 0, null, null);
        } finally {
            clReleaseMemObject(mOut);
            clReleaseKernel(kernel);
            clReleaseProgram(program);
        }
        for (int op = 0; op < n; op++) {
            Opcode o = Opcode.of(op);
            assertEquals(o == null ? 0 : o.operands, out[op], "operands(" + op + ") vs " + o);
        }
    }

    @Test
    void randomStateStreamsMatchNumpysLegacyGenerator() {
        int streams = 64, draws = 3000; // past several MT twists
        KernelSource.Config config = new KernelSource.Config(KernelSource.SNAKE_TASK_ID, false, 8, 8, 10_000);
        int[] seeds = new int[streams];
        SplittableRandom rng = new SplittableRandom(11);
        for (int g = 0; g < streams; g++) seeds[g] = g < 8 ? g : (g < 12 ? -1 - g : rng.nextInt());
        int[] out = new int[streams * draws];
        cl_program program = build(config);
        cl_kernel kernel = clCreateKernel(program, "probeRandomState", null);
        cl_mem mSeeds = input(Pointer.to(seeds), (long) seeds.length * Sizeof.cl_int);
        cl_mem mMt = clCreateBuffer(context, org.jocl.CL.CL_MEM_READ_WRITE, (long) streams * 624 * Sizeof.cl_uint, null, null);
        cl_mem mOut = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) out.length * Sizeof.cl_int, null, null);
        try {
            clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(mSeeds));
            clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(mMt));
            clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(mOut));
            clSetKernelArg(kernel, 3, Sizeof.cl_int, Pointer.to(new int[] {draws}));
            clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {streams}, null, 0, null, null);
            clEnqueueReadBuffer(queue, mOut, CL_TRUE, 0, (long) out.length * Sizeof.cl_int, Pointer.to(out), 0, null, null);
        } finally {
            clReleaseMemObject(mOut);
            clReleaseMemObject(mMt);
            clReleaseMemObject(mSeeds);
            clReleaseKernel(kernel);
            clReleaseProgram(program);
        }
        for (int g = 0; g < streams; g++) {
            RandomState java = new RandomState(seeds[g] & 0xFFFFFFFFL);
            for (int k = 0; k < draws; k++) {
                long want = k % 3 == 2 ? java.randint(0L, 1_000_001L) : java.randint(1, 7);
                assertEquals(want, out[g * draws + k], "seed " + (seeds[g] & 0xFFFFFFFFL) + " draw " + k);
            }
        }
    }
}
