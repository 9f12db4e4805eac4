package io.github.llmgs.search.cli;

import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.search.BackendChoice;
import io.github.llmgs.search.config.ConfigException;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.run.SearchSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by {@code search} and {@code sweep}; unset ones fall back to the config file. */
final class SearchOptions {
    @Option(names = "--budget", paramLabel = "N", description = "Programs to evaluate at most (default from config: 1000000).")
    Long budget;

    @Option(names = "--backend", paramLabel = "NAME", description = "auto, cpu, opencl or reference (default from config: auto).")
    String backend;

    @Option(names = "--batch", paramLabel = "N", description = "Most programs per backend call (default from config: 1024).")
    Integer batch;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "CPU threads (default: all cores).")
    int threads;

    @Option(names = "--device", paramLabel = "D", description = "OpenCL device: index or name substring.")
    String device;

    @Option(names = "--config", paramLabel = "FILE", description = "Search config JSON (default: configs/search.json in the jar).")
    Path config;

    @Option(names = "--run-settings", paramLabel = "FILE", description = "Karel run settings JSON (default: configs/karel.json).")
    Path runSettings;

    @Option(names = "--out", defaultValue = "output", paramLabel = "DIR", description = "Output root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing run directory instead of refusing.")
    boolean overwrite;

    SearchConfig searchConfig() {
        try {
            return config == null ? SearchConfig.loadDefault() : SearchConfig.load(config);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    RunSettings settings() {
        try {
            return runSettings == null ? RunSettings.loadDefault() : RunSettings.load(runSettings);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The run's spec: these options over the config's defaults; bad values are one-line errors. */
    SearchSpec spec(String task, String m, long seed, SearchConfig defaults) {
        String backendName = backend == null ? defaults.backend() : backend;
        if (BackendChoice.names().stream().noneMatch(n -> n.equalsIgnoreCase(backendName))) {
            throw new CliException("unknown backend '" + backendName + "'; known backends: " + String.join(", ", BackendChoice.names()));
        }
        try {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("config_file", config == null ? defaults.source() : config.toString());
            return new SearchSpec(task, m, seed, budget == null ? defaults.budget() : budget,
                    backendName,
                    new BackendOptions(threads, device, 0),
                    batch == null ? defaults.batch() : batch, defaults.hcK(), defaults.shcKStart(),
                    defaults.shcKEnd(), out, overwrite, extra);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
