package io.github.llmgs.kernels;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;

import io.github.llmgs.engine.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One built kernel per configuration (task variant, size, call limit), built on first use with
 * the OpenCL build log in any failure, and kept until the backend closes.
 */
final class KernelCache {
    /** A built program: its kernel and the key-power table for its grid size. */
    record Built(cl_program program, cl_kernel kernel, cl_mem keyPow) {}

    private final cl_context context;
    private final cl_command_queue queue;
    private final OpenClDevice device;
    private final Map<KernelSource.Config, Built> built = new LinkedHashMap<>();

    KernelCache(cl_context context, cl_command_queue queue, OpenClDevice device) {
        this.context = context;
        this.queue = queue;
        this.device = device;
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
            p[i] = p[i - 1] * World.KEY_BASE;
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

    /** Releases every kernel, program and key table, newest first. */
    void release() {
        List<Built> kernels = new ArrayList<>(built.values());
        Collections.reverse(kernels);
        for (Built b : kernels) {
            clReleaseMemObject(b.keyPow());
            clReleaseKernel(b.kernel());
            clReleaseProgram(b.program());
        }
        built.clear();
    }
}
