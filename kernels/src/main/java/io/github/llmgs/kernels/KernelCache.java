package io.github.llmgs.kernels;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseProgram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * One built kernel per specialisation (a domain's task, size, call limit), built on first use
 * with the OpenCL build log in any failure, and kept until the backend closes.
 */
final class KernelCache {
    /** A built program and its kernel. */
    record Built(cl_program program, cl_kernel kernel) {}

    private final cl_context context;
    private final OpenClDevice device;
    private final Map<KernelSpec, Built> built = new LinkedHashMap<>();

    KernelCache(cl_context context, OpenClDevice device) {
        this.context = context;
        this.device = device;
    }

    /** The kernel for a specialisation, built on first use. */
    Built kernelFor(KernelSpec config) {
        Built b = built.get(config);
        if (b == null) {
            b = build(config);
            built.put(config, b);
        }
        return b;
    }

    private Built build(KernelSpec config) {
        String options = config.buildOptions();
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {KernelSource.program(config.file())}, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.device()}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new IllegalStateException("OpenCL build of " + config.file() + " failed on " + device.describe()
                    + " with options '" + options + "' (" + e.getMessage() + "); build log:\n" + log, e);
        }
        cl_kernel kernel;
        try {
            kernel = clCreateKernel(program, config.kernelName(), null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new IllegalStateException("OpenCL kernel '" + config.kernelName() + "' unavailable on "
                    + device.describe() + " (" + e.getMessage() + "); build log:\n" + log, e);
        }
        return new Built(program, kernel);
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

    /** Releases every kernel and program, newest first. */
    void release() {
        List<Built> kernels = new ArrayList<>(built.values());
        Collections.reverse(kernels);
        for (Built b : kernels) {
            clReleaseKernel(b.kernel());
            clReleaseProgram(b.program());
        }
        built.clear();
    }
}
