package io.github.llmgs.kernels;

/**
 * What one built OpenCL program is specialised for: a domain's kernel file and entry point and
 * the build options (task, size, call limit) it is compiled with. Equal specs share one build.
 */
public interface KernelSpec {
    /** The kernel source beside {@link KernelSource}, e.g. {@code karel.cl}; its includes are inlined. */
    String file();

    /** The {@code __kernel} function to run. */
    String kernelName();

    /** {@code -D} options for clBuildProgram. */
    String buildOptions();
}
