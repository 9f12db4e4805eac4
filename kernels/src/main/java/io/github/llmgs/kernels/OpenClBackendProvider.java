package io.github.llmgs.kernels;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BackendProvider;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.kernels.minigrid.MiniGridOpenCl;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jocl.CLException;

/**
 * The {@code opencl} backend for {@link io.github.llmgs.engine.batch.Backends} (registered in
 * {@code META-INF/services}). {@link #probe} never throws: a missing runtime, no platform, no
 * device, no such device or a device without {@code cl_khr_fp64} each come back as a reason.
 */
public final class OpenClBackendProvider implements BackendProvider {
    static final String NO_RUNTIME = "no OpenCL runtime (libOpenCL.so.1 not found): install ocl-icd-libopencl1 and a "
            + "driver such as pocl-opencl-icd (CPU) or the GPU vendor's OpenCL driver";
    static final String NO_PLATFORM = "the OpenCL loader found no platform (no ICD file in /etc/OpenCL/vendors): "
            + "install a driver such as pocl-opencl-icd (CPU) or the GPU vendor's OpenCL driver";
    /** clGetPlatformIDs' status when the ICD loader has no vendor to load. */
    private static final int CL_PLATFORM_NOT_FOUND_KHR = -1001;

    private static final Object LOCK = new Object();
    private static List<OpenClDevice> cachedDevices;
    private static RuntimeException cachedFailure;

    private final Supplier<List<OpenClDevice>> lister;

    public OpenClBackendProvider() {
        this(OpenClBackendProvider::devices);
    }

    /** For tests: a device lister that may fail as a broken installation would. */
    OpenClBackendProvider(Supplier<List<OpenClDevice>> lister) {
        this.lister = lister;
    }

    @Override
    public String name() {
        return OpenClBackend.NAME;
    }

    @Override
    public Availability probe(BackendOptions options) {
        try {
            List<OpenClDevice> devices = lister.get();
            if (devices.isEmpty()) {
                return new Availability(false, false, "OpenCL platforms found but no device: install a driver such as "
                        + "pocl-opencl-icd (CPU) or the GPU vendor's OpenCL driver");
            }
            OpenClDevice d;
            try {
                d = OpenClDevice.select(devices, options == null ? null : options.device());
            } catch (OpenClDevice.NoSuchDeviceException e) {
                return new Availability(false, false, e.getMessage(), true);
            } catch (RuntimeException e) {
                return new Availability(false, false, e.getMessage());
            }
            if (!d.fp64()) {
                return new Availability(false, d.gpu(), noFp64(d));
            }
            return new Availability(true, d.gpu(), d.gpu() ? d.describe() : d.describe() + " is not a GPU");
        } catch (Throwable t) {
            return new Availability(false, false, reason(t));
        }
    }

    @Override
    public Backend open(BackendOptions options) {
        return OpenClBackend.open(options == null ? BackendOptions.defaults() : options, lister);
    }

    /** {@code minigrid.cl} on the device the options name ({@link MiniGridOpenCl}). */
    @Override
    public Optional<MiniGridEpisodes> openMiniGrid(BackendOptions options) {
        DeviceContext device = DeviceContext.open(options == null ? BackendOptions.defaults() : options, lister);
        try {
            return Optional.of(new MiniGridOpenCl(device));
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    static String noFp64(OpenClDevice d) {
        return "OpenCL device " + d.describe() + " lacks cl_khr_fp64 (double precision), which the kernel needs "
                + "to return exactly what the CPU backend returns; choose another device";
    }

    /** One line saying why OpenCL cannot be used, for a failure while loading it or listing devices. */
    static String reason(Throwable t) {
        Throwable root = t;
        while (root instanceof IllegalStateException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof SignalChaining.MissingException) {
            return root.getMessage();
        }
        if (root instanceof LinkageError) {
            return NO_RUNTIME + " [" + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage()) + "]";
        }
        if (root instanceof CLException e) {
            if (e.getStatus() == CL_PLATFORM_NOT_FOUND_KHR) {
                return NO_PLATFORM;
            }
            return "OpenCL failed while listing devices: " + oneLine(e.getMessage());
        }
        return "OpenCL unavailable: " + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage());
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Every OpenCL device, listed once per JVM (the runtime is loaded on the first call). A
     * failure is remembered too: after a failed load JOCL's classes cannot initialise again and
     * would only say so, not why. Throws IllegalStateException with {@link #reason} as message,
     * and refuses to load OpenCL at all into a JVM it could crash ({@link SignalChaining#check()}).
     */
    static List<OpenClDevice> devices() {
        SignalChaining.check();
        synchronized (LOCK) {
            if (cachedDevices != null) {
                return cachedDevices;
            }
            if (cachedFailure != null) {
                throw cachedFailure;
            }
            try {
                cachedDevices = List.copyOf(OpenClDevice.list());
                return cachedDevices;
            } catch (Throwable t) {
                cachedFailure = new IllegalStateException(reason(t), t);
                throw cachedFailure;
            }
        }
    }
}
