package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BackendProvider;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens the OpenCL backend for a test, or explains why it cannot: outside CI a test without an
 * OpenCL device is skipped with the probe's reason; under CI ({@code CI=true}, or
 * {@code LLMGS_REQUIRE_OPENCL=1} as {@code .ci/run} sets) it fails with that reason, so the
 * OpenCL tests never skip silently where PoCL is supposed to be installed.
 */
public final class OpenClTestSupport {
    private static OpenClBackend shared;

    private OpenClTestSupport() {}

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("LLMGS_REQUIRE_OPENCL"));
    }

    /** Skips (or under CI fails) unless an OpenCL device is usable with these options. */
    public static void requireDevice(BackendOptions options) {
        BackendProvider.Availability a = new OpenClBackendProvider().probe(options);
        if (!a.available()) {
            String reason = "no usable OpenCL device: " + a.description();
            if (required()) {
                fail(reason + " (OpenCL tests must run under CI: install pocl-opencl-icd and ocl-icd-libopencl1)");
            }
            Assumptions.assumeTrue(a.available(), reason);
        }
    }

    /** A fresh MiniGrid backend ({@code minigrid.cl}) the caller closes. */
    public static MiniGridEpisodes openMiniGrid(BackendOptions options) {
        requireDevice(options);
        return new OpenClBackendProvider().openMiniGrid(options).orElseThrow();
    }

    /** A fresh backend the caller closes. */
    static OpenClBackend open(BackendOptions options) {
        requireDevice(options);
        return OpenClBackend.open(options);
    }

    /**
     * A backend on the default device shared by the test classes of this JVM, so each kernel
     * variant is built once; never closed by tests (the JVM's exit releases it).
     */
    static synchronized OpenClBackend shared() {
        if (shared == null) {
            shared = open(BackendOptions.defaults());
        }
        return shared;
    }
}
