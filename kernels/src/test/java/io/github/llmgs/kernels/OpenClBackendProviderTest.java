package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BackendProvider;
import io.github.llmgs.engine.batch.BackendProvider.Availability;
import io.github.llmgs.engine.batch.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jocl.CL;
import org.jocl.CLException;
import org.junit.jupiter.api.Test;

/** Probing, device selection and {@code auto}: a broken or missing OpenCL is a message, never a crash. */
class OpenClBackendProviderTest {
    private static final BackendOptions DEFAULTS = BackendOptions.defaults();

    private static OpenClDevice fake(int index, String name, boolean gpu, boolean fp64) {
        return new OpenClDevice(index, null, null, "Fake Platform", name, "3.0", "1.0",
                gpu ? CL.CL_DEVICE_TYPE_GPU : CL.CL_DEVICE_TYPE_CPU, fp64, 1L << 32, 1L << 30);
    }

    @Test
    void missingRuntimeIsAReasonNotACrash() {
        OpenClBackendProvider provider = new OpenClBackendProvider(() -> {
            throw new UnsatisfiedLinkError("Could not initialize native OpenCL library. Implementation library could not be loaded");
        });
        Availability a = provider.probe(DEFAULTS);
        assertFalse(a.available());
        assertFalse(a.gpu());
        assertTrue(a.description().startsWith("no OpenCL runtime (libOpenCL.so.1 not found): install ocl-icd-libopencl1 "
                + "and a driver such as pocl-opencl-icd"), a.description());
        assertTrue(a.description().contains("Implementation library could not be loaded"), a.description());
        assertFalse(a.description().contains("\n"), "one line: " + a.description());
    }

    @Test
    void runtimeThatFailedToInitialiseEarlierIsStillExplained() {
        OpenClBackendProvider provider = new OpenClBackendProvider(() -> {
            throw new NoClassDefFoundError("Could not initialize class org.jocl.CL");
        });
        assertTrue(provider.probe(DEFAULTS).description().startsWith(OpenClBackendProvider.NO_RUNTIME));
    }

    @Test
    void loaderWithoutPlatformsSaysWhatToInstall() {
        OpenClBackendProvider provider = new OpenClBackendProvider(() -> {
            throw new CLException("CL_PLATFORM_NOT_FOUND_KHR", -1001);
        });
        Availability a = provider.probe(DEFAULTS);
        assertFalse(a.available());
        assertEquals(OpenClBackendProvider.NO_PLATFORM, a.description());
    }

    @Test
    void anyOtherFailureIsAReasonToo() {
        Availability a = new OpenClBackendProvider(() -> {
            throw new IllegalStateException("boom\nsecond line");
        }).probe(DEFAULTS);
        assertFalse(a.available());
        assertEquals("OpenCL unavailable: IllegalStateException: boom second line", a.description());
        Availability b = new OpenClBackendProvider(() -> {
            throw new CLException("CL_OUT_OF_HOST_MEMORY", -6);
        }).probe(DEFAULTS);
        assertEquals("OpenCL failed while listing devices: CL_OUT_OF_HOST_MEMORY", b.description());
    }

    @Test
    void noDevicesAndUnknownDevicesAreReasons() {
        assertTrue(new OpenClBackendProvider(List::of).probe(DEFAULTS).description().contains("no device"));
        Availability a = new OpenClBackendProvider(() -> List.of(fake(0, "Fake CPU", false, true)))
                .probe(new BackendOptions(0, "H100", 0));
        assertFalse(a.available());
        assertTrue(a.noSuchDevice());
        assertEquals("OpenCL device 'H100' not found: no device name contains it; devices: 0: Fake CPU (Fake Platform, not a GPU)",
                a.description());
        assertFalse(new OpenClBackendProvider(List::of).probe(DEFAULTS).noSuchDevice(), "no devices at all is not a typo");
    }

    /** What {@code --backend opencl} says when the driver is missing: one line naming the backend and why. */
    @Test
    void openingWithoutADriverIsABackendException() {
        BackendException noRuntime = assertThrows(BackendException.class, () -> new OpenClBackendProvider(() -> {
            throw new UnsatisfiedLinkError("Could not initialize native OpenCL library");
        }).open(DEFAULTS));
        assertTrue(noRuntime.getMessage().startsWith("backend opencl: " + OpenClBackendProvider.NO_RUNTIME), noRuntime.getMessage());
        BackendException noPlatform = assertThrows(BackendException.class, () -> new OpenClBackendProvider(() -> {
            throw new IllegalStateException(OpenClBackendProvider.NO_PLATFORM, new CLException("CL_PLATFORM_NOT_FOUND_KHR", -1001));
        }).open(DEFAULTS));
        assertEquals("backend opencl: " + OpenClBackendProvider.NO_PLATFORM, noPlatform.getMessage());
        BackendException noFp64 = assertThrows(BackendException.class,
                () -> new OpenClBackendProvider(() -> List.of(fake(0, "Old GPU", true, false))).open(DEFAULTS));
        assertTrue(noFp64.getMessage().contains("Old GPU (Fake Platform, OpenCL 3.0, driver 1.0) lacks cl_khr_fp64"), noFp64.getMessage());
        for (BackendException e : List.of(noRuntime, noPlatform, noFp64)) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void devicesThatAreNotThereAreNamedWithTheDevicesThereAre() {
        OpenClBackendProvider provider = new OpenClBackendProvider(() -> List.of(fake(0, "pthread-AMD EPYC 7763", false, true)));
        String devices = "devices: 0: pthread-AMD EPYC 7763 (Fake Platform, not a GPU)";
        assertEquals("OpenCL device 99 not found; " + devices, openError(provider, "99"));
        assertEquals("OpenCL device 99999999999 not found; " + devices, openError(provider, "99999999999"));
        assertEquals("OpenCL device -1 not found: device indexes start at 0; " + devices, openError(provider, "-1"));
        assertEquals("OpenCL device 'nonsense' not found: no device name contains it; " + devices, openError(provider, "nonsense"));
        assertTrue(provider.probe(new BackendOptions(0, "-1", 0)).noSuchDevice());
    }

    @Test
    void threadsAreForCpuBackends() {
        BackendException e = assertThrows(BackendException.class,
                () -> new OpenClBackendProvider(() -> List.of(fake(0, "Fake GPU", true, true))).open(new BackendOptions(4, null, 0)));
        assertEquals("--threads 4: the opencl backend runs on its OpenCL device, not on CPU threads "
                + "(--threads is for cpu, reference and auto)", e.getMessage());
    }

    private static String openError(OpenClBackendProvider provider, String device) {
        return assertThrows(BackendException.class, () -> provider.open(new BackendOptions(0, device, 0))).getMessage();
    }

    @Test
    void deviceWithoutFp64IsNotUsable() {
        Availability a = new OpenClBackendProvider(() -> List.of(fake(0, "Old GPU", true, false))).probe(DEFAULTS);
        assertFalse(a.available());
        assertTrue(a.gpu());
        assertTrue(a.description().contains("Old GPU (Fake Platform, OpenCL 3.0, driver 1.0) lacks cl_khr_fp64"), a.description());
    }

    @Test
    void usableDevicesSayWhetherTheyAreGpus() {
        Availability gpu = new OpenClBackendProvider(() -> List.of(fake(0, "Fake GPU", true, true))).probe(DEFAULTS);
        assertTrue(gpu.available() && gpu.gpu());
        assertEquals("Fake GPU (Fake Platform, OpenCL 3.0, driver 1.0)", gpu.description());
        Availability cpu = new OpenClBackendProvider(() -> List.of(fake(0, "Fake CPU", false, true))).probe(DEFAULTS);
        assertTrue(cpu.available() && !cpu.gpu());
        assertTrue(cpu.description().endsWith("is not a GPU"), cpu.description());
    }

    @Test
    void deviceSelection() {
        OpenClDevice cpu = fake(0, "pthread-cpu", false, true);
        OpenClDevice oldGpu = fake(1, "Old GPU", true, false);
        OpenClDevice gpu = fake(2, "NVIDIA H100 80GB HBM3", true, true);
        List<OpenClDevice> all = List.of(cpu, oldGpu, gpu);
        assertSame(gpu, OpenClDevice.select(all, null), "first GPU with fp64");
        assertSame(cpu, OpenClDevice.select(List.of(cpu, oldGpu), null), "else first device with fp64");
        assertSame(oldGpu, OpenClDevice.select(all, "1"), "by index");
        assertSame(gpu, OpenClDevice.select(all, "h100"), "by name, ignoring case");
        assertSame(cpu, OpenClDevice.select(all, "fake platform: pthread"), "by platform: name");
        BackendException e = assertThrows(BackendException.class, () -> OpenClDevice.select(all, "7"));
        assertTrue(e.getMessage().startsWith("OpenCL device 7 not found; devices: 0: pthread-cpu"), e.getMessage());
        assertEquals("3.0", OpenClDevice.versionNumber("OpenCL 3.0 PoCL HSTR: pthread"));
        assertEquals("3.0", OpenClDevice.versionNumber("OpenCL 3.0 CUDA 12.4.131"));
    }

    @Test
    void registeredForTheServiceLoader() {
        List<String> names = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) names.add(p.name());
        assertTrue(names.contains("opencl"), names.toString());
        assertTrue(Backends.names().contains("opencl"), Backends.names().toString());
    }

    @Test
    void autoReportsItsChoice() {
        Availability probe = new OpenClBackendProvider().probe(DEFAULTS);
        List<String> notes = new ArrayList<>();
        try (Backend b = Backends.open("auto", DEFAULTS, notes::add)) {
            assertEquals(1, notes.size(), notes.toString());
            String note = notes.get(0);
            if (probe.available() && probe.gpu()) {
                assertEquals("opencl", b.name());
                assertTrue(note.startsWith("backend auto: using opencl on " + b.device()), note);
            } else {
                assertEquals("cpu", b.name());
                assertTrue(note.startsWith("backend auto: using cpu"), note);
                assertTrue(note.contains("opencl: " + probe.description()), note + " should carry the probe's reason");
            }
            System.out.println(note);
        }
    }

    @Test
    void openingAnUnknownDeviceNamesTheDevicesThereAre() {
        OpenClTestSupport.requireDevice(DEFAULTS);
        BackendException e = assertThrows(BackendException.class,
                () -> Backends.open("opencl", new BackendOptions(0, "no-such-device", 0), s -> { }));
        assertTrue(e.getMessage().startsWith("OpenCL device 'no-such-device' not found: no device name contains it; devices: 0: "),
                e.getMessage());
        BackendException index = assertThrows(BackendException.class,
                () -> Backends.open("opencl", new BackendOptions(0, "99", 0), s -> { }));
        assertTrue(index.getMessage().startsWith("OpenCL device 99 not found; devices: 0: "), index.getMessage());
    }

    /** auto falls back to cpu when OpenCL is missing, but a device that is not there is a mistake to report. */
    @Test
    void autoReportsADeviceThatIsNotThere() {
        OpenClTestSupport.requireDevice(DEFAULTS);
        List<String> notes = new ArrayList<>();
        BackendException e = assertThrows(BackendException.class,
                () -> Backends.open("auto", new BackendOptions(0, "nonsense", 0), notes::add));
        assertTrue(e.getMessage().startsWith("backend auto: OpenCL device 'nonsense' not found: no device name contains it; devices: 0: "),
                e.getMessage());
        assertEquals(List.of(), notes);
    }

    @Test
    void deviceStringNamesPlatformAndVersions() {
        OpenClBackend b = OpenClTestSupport.shared();
        assertEquals("opencl", b.name());
        assertTrue(b.device().matches(".+ \\(.+, OpenCL \\S+, driver .+\\)"), b.device());
    }
}
