package io.github.llmgs.engine.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Opens a backend by name: {@code reference}, {@code cpu}, any provider on the classpath
 * ({@code opencl}), or {@code auto}: an OpenCL GPU if one is present, else {@code cpu}; auto
 * reports which it picked and why.
 */
public final class Backends {
    private Backends() {}

    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("auto", "cpu", "reference"));
        for (BackendProvider p : providers()) names.add(p.name());
        return names;
    }

    public static Backend open(String name, BackendOptions options, Consumer<String> notes) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "reference":
                refuseDevice("reference", options);
                return new ReferenceBackend(options.threadsOrCores());
            case "cpu":
                refuseDevice("cpu", options);
                return new CpuBackend(options.threadsOrCores());
            case "auto":
                return auto(options, notes);
            default:
                for (BackendProvider p : providers()) {
                    if (p.name().equalsIgnoreCase(name)) {
                        return p.open(options);
                    }
                }
                throw new BackendException("unknown backend '" + name + "'; known backends: "
                        + String.join(", ", names()));
        }
    }

    /** A device asked of a backend that has none would be accepted and ignored; say so instead. */
    private static void refuseDevice(String backend, BackendOptions options) {
        if (options.device() != null) {
            throw new BackendException("--device " + options.device() + ": the " + backend + " backend runs on CPU threads; "
                    + "--device chooses an OpenCL device (--backend opencl or auto)");
        }
    }

    private static Backend auto(BackendOptions options, Consumer<String> notes) {
        List<String> reasons = new ArrayList<>();
        // --threads is for the CPU fallback; a device backend refuses it
        BackendOptions device = new BackendOptions(0, options.device(), options.maxPairsPerLaunch());
        for (BackendProvider p : providers()) {
            BackendProvider.Availability a = p.probe(device);
            if (a.noSuchDevice()) {
                throw new BackendException("backend auto: " + a.description());
            }
            if (a.available() && a.gpu()) {
                try {
                    Backend b = p.open(device);
                    notes.accept("backend auto: using " + p.name() + " on " + b.device() + " (a GPU was found)");
                    return b;
                } catch (RuntimeException e) {
                    reasons.add(p.name() + ": " + e.getMessage());
                }
            } else {
                reasons.add(p.name() + ": " + a.description());
            }
        }
        if (reasons.isEmpty()) reasons.add("no GPU backend on the classpath");
        CpuBackend cpu = new CpuBackend(options.threadsOrCores());
        notes.accept("backend auto: using cpu (" + cpu.device() + ") because no OpenCL GPU is usable: "
                + String.join("; ", reasons));
        return cpu;
    }

    static List<BackendProvider> providers() {
        List<BackendProvider> out = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) out.add(p);
        return out;
    }
}
