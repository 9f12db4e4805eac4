package io.github.llmgs.engine.minigrid;

import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.batch.BackendOptions;
import java.util.List;
import java.util.Locale;

/**
 * Opens a MiniGrid backend by name: {@code cpu} (the bytecode VM), {@code reference} (the oracle)
 * or {@code auto} (the fastest there is, the VM). MiniGrid has no OpenCL kernel yet, so
 * {@code opencl} and a {@code --device} are refused in one line, never quietly replaced.
 */
public final class MiniGridBackends {
    public static final List<String> NAMES = List.of("auto", "cpu", "reference");

    private MiniGridBackends() {}

    public static MiniGridEpisodes open(String name, BackendOptions options) {
        String n = check(name, options);
        int threads = options.threadsOrCores();
        return n.equals("reference") ? new MiniGridReference(threads) : new MiniGridCpu(threads);
    }

    /**
     * The backend {@code name} means ({@code auto}, {@code cpu} or {@code reference}), checked
     * with its options before any work and without starting it; one-line errors otherwise.
     */
    public static String check(String name, BackendOptions options) {
        String n = name == null ? "auto" : name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("opencl")) {
            throw new BackendException("--backend " + name + ": MiniGrid has no OpenCL kernel yet; use --backend cpu "
                    + "(the bytecode VM), reference (the oracle) or auto");
        }
        if (!NAMES.contains(n)) {
            throw new BackendException("unknown backend '" + name + "' for MiniGrid; known backends: " + String.join(", ", NAMES));
        }
        if (options.device() != null) {
            throw new BackendException("--device " + options.device() + ": MiniGrid runs on CPU threads (cpu or reference); "
                    + "--device chooses an OpenCL device, which MiniGrid cannot use yet");
        }
        return n;
    }
}
