package io.github.llmgs.engine.batch;

import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import java.util.Optional;

/**
 * A backend found on the classpath through {@link java.util.ServiceLoader} (the OpenCL backend
 * lives in the {@code kernels} module so that only it depends on JOCL).
 */
public interface BackendProvider {
    /** The name users pass to {@code --backend}. */
    String name();

    /**
     * Whether a usable device exists; when not, the reason (e.g. "no OpenCL runtime: libOpenCL.so.1
     * not found"). Never throws.
     */
    Availability probe(BackendOptions options);

    /**
     * Opens the backend; a missing runtime, no such device or bad options is a
     * {@link BackendException} with a one-line message naming the backend or device and why.
     */
    Backend open(BackendOptions options);

    /**
     * The provider's MiniGrid backend on the device the options name, as {@link #open} for Karel;
     * empty when the provider has no MiniGrid kernel.
     */
    default Optional<MiniGridEpisodes> openMiniGrid(BackendOptions options) {
        return Optional.empty();
    }

    /**
     * Whether the probed device is a GPU, which {@code auto} prefers to the CPU backend.
     * {@code noSuchDevice}: the runtime works but has no device the options name, a mistake
     * {@code auto} reports rather than hides behind its CPU fallback.
     */
    record Availability(boolean available, boolean gpu, String description, boolean noSuchDevice) {
        public Availability(boolean available, boolean gpu, String description) {
            this(available, gpu, description, false);
        }
    }
}
