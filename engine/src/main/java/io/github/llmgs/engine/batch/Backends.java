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
                return new ReferenceBackend(options.threadsOrCores());
            case "cpu":
                return new CpuBackend(options.threadsOrCores());
            case "auto":
                return auto(options, notes);
            default:
                for (BackendProvider p : providers()) {
                    if (p.name().equalsIgnoreCase(name)) {
                        return p.open(options);
                    }
                }
                throw new IllegalArgumentException("unknown backend '" + name + "'; known backends: "
                        + String.join(", ", names()));
        }
    }

    private static Backend auto(BackendOptions options, Consumer<String> notes) {
        List<String> reasons = new ArrayList<>();
        for (BackendProvider p : providers()) {
            BackendProvider.Availability a = p.probe(options);
            if (a.available() && a.gpu()) {
                try {
                    Backend b = p.open(options);
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
