package io.github.llmgs.engine.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

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
    public static void refuseDevice(String backend, BackendOptions options) {
        if (options.device() != null) {
            throw new BackendException("--device " + options.device() + ": the " + backend + " backend runs on CPU threads; "
                    + "--device chooses an OpenCL device (--backend opencl or auto)");
        }
    }

    private static Backend auto(BackendOptions options, Consumer<String> notes) {
        return auto(options, notes, (p, device) -> Optional.of(p.open(device)), Backend::device,
                () -> new CpuBackend(options.threadsOrCores()));
    }

    /**
     * auto for any domain: the first provider whose device is a GPU and that opens a backend for
     * the domain ({@code openOn} empty: it has none), else the {@code cpu} fallback; {@code notes}
     * hears which was picked and why. A {@code --device} that names nothing is an error, never a
     * quiet fallback.
     */
    public static <B> B auto(BackendOptions options, Consumer<String> notes,
                             BiFunction<BackendProvider, BackendOptions, Optional<B>> openOn, Function<B, String> device,
                             Supplier<B> cpu) {
        List<String> reasons = new ArrayList<>();
        // --threads is for the CPU fallback; a device backend refuses it
        BackendOptions onDevice = new BackendOptions(0, options.device(), options.maxPairsPerLaunch());
        for (BackendProvider p : providers()) {
            BackendProvider.Availability a = p.probe(onDevice);
            if (a.noSuchDevice()) {
                throw new BackendException("backend auto: " + a.description());
            }
            if (a.available() && a.gpu()) {
                try {
                    Optional<B> b = openOn.apply(p, onDevice);
                    if (b.isPresent()) {
                        notes.accept("backend auto: using " + p.name() + " on " + device.apply(b.get()) + " (a GPU was found)");
                        return b.get();
                    }
                    reasons.add(p.name() + ": no kernel for this domain");
                } catch (RuntimeException e) {
                    reasons.add(p.name() + ": " + e.getMessage());
                }
            } else {
                reasons.add(p.name() + ": " + a.description());
            }
        }
        if (reasons.isEmpty()) reasons.add("no GPU backend on the classpath");
        B fallback = cpu.get();
        notes.accept("backend auto: using cpu (" + device.apply(fallback) + ") because no OpenCL GPU is usable: "
                + String.join("; ", reasons));
        return fallback;
    }

    /** Every backend provider on the classpath. */
    public static List<BackendProvider> providers() {
        List<BackendProvider> out = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) out.add(p);
        return out;
    }
}
