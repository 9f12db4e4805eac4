package io.github.llmgs.engine.minigrid;

import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BackendProvider;
import io.github.llmgs.engine.batch.Backends;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opens a MiniGrid backend by name, as {@link io.github.llmgs.engine.batch.Backends} does for
 * Karel: {@code cpu} (the bytecode VM), {@code reference} (the oracle), a provider on the
 * classpath ({@code opencl}, the kernel {@code minigrid.cl}), or {@code auto}: an OpenCL GPU if one
 * is present, else {@code cpu}; auto reports which it picked and why.
 */
public final class MiniGridBackends {
    private MiniGridBackends() {}

    /** The names {@code --backend} accepts for a MiniGrid task: Karel's. */
    public static List<String> names() {
        return Backends.names();
    }

    /** {@link #open(String, BackendOptions, Consumer)} with auto's note dropped. */
    public static MiniGridEpisodes open(String name, BackendOptions options) {
        return open(name, options, note -> { });
    }

    /**
     * Opens the named backend (case-insensitive); the caller closes it. An unknown name, a bad
     * option, a missing device or driver is a {@link BackendException} with a one-line message.
     */
    public static MiniGridEpisodes open(String name, BackendOptions options, Consumer<String> notes) {
        String n = check(name, options);
        switch (n) {
            case "reference":
                return new MiniGridReference(options.threadsOrCores());
            case "cpu":
                return new MiniGridCpu(options.threadsOrCores());
            case "auto":
                return auto(options, notes);
            default:
                BackendProvider p = provider(n);
                return p.openMiniGrid(options).orElseThrow(() -> new BackendException("--backend " + name
                        + ": the " + p.name() + " backend has no MiniGrid kernel; use --backend cpu, reference or auto"));
        }
    }

    /**
     * The backend {@code name} means (lower case), checked with its options before any work and
     * without starting it: an unknown name, or a {@code --device} for a backend that runs on CPU
     * threads, is a one-line error. A device's own problems surface when it is opened.
     */
    public static String check(String name, BackendOptions options) {
        String n = name == null ? "auto" : name.strip().toLowerCase(Locale.ROOT);
        if (!names().contains(n)) {
            throw new BackendException("unknown backend '" + name + "' for MiniGrid; known backends: " + String.join(", ", names()));
        }
        if (n.equals("cpu") || n.equals("reference")) {
            Backends.refuseDevice(n, options);
        }
        return n;
    }

    private static MiniGridEpisodes auto(BackendOptions options, Consumer<String> notes) {
        return Backends.auto(options, notes, BackendProvider::openMiniGrid, MiniGridEpisodes::device,
                () -> new MiniGridCpu(options.threadsOrCores()));
    }

    private static BackendProvider provider(String name) {
        for (BackendProvider p : Backends.providers()) {
            if (p.name().equalsIgnoreCase(name)) return p;
        }
        throw new BackendException("unknown backend '" + name + "' for MiniGrid; known backends: " + String.join(", ", names()));
    }
}
