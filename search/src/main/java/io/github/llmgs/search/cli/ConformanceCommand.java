package io.github.llmgs.search.cli;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.engine.conformance.ConformanceRunner;
import io.github.llmgs.engine.conformance.VectorLayout;
import io.github.llmgs.engine.minigrid.MiniGridConformance;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.search.BackendChoice;
import io.github.llmgs.search.conformance.SearchReplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs conformance}: hold a backend to the reference implementation's vectors. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Check a backend against the reference implementation's vectors.",
                "Runs the conformance vectors on a backend and prints the report; exit code 0 only if every check",
                "passes. The layout says the domain: Karel's (instances, RandomState draws, Snake's tape, episodes)",
                "MiniGrid's (instances, RNG draws and reset calls, episodes, step traces) or recorded searches",
                "(search.jsonl: each search rerun on the backend, every evaluation compared, program and score exactly)."},
        footer = {"", "Examples:", "  llmgs conformance --vectors engine/src/test/resources/conformance/karel",
                "  llmgs conformance --vectors engine/src/test/resources/conformance/minigrid",
                "  llmgs conformance --vectors engine/src/test/resources/conformance/search --backend opencl",
                "  llmgs conformance --vectors engine/src/test/resources/conformance/karel --backend opencl --device NVIDIA"})
final class ConformanceCommand implements Callable<Integer> {
    /** The recorded searches replay together, sharing the backend's calls, as a sweep's runs do. */
    private static final int CONCURRENCY = 32;

    @Spec
    CommandSpec spec;

    @Option(names = "--vectors", required = true, paramLabel = "DIR",
            description = "Directory with Karel's instances.jsonl, random_state.jsonl, snake_tape.jsonl, episodes.jsonl "
                    + "MiniGrid's instances.jsonl, rng.jsonl, episodes.jsonl, traces.jsonl, or search.jsonl.")
    Path vectors;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1024",
            description = "Most programs per backend call when replaying searches (default: ${DEFAULT-VALUE}); "
                    + "it changes compute, never the sequence.")
    int batch;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = BackendChoice.DEFAULT,
            description = "Backend to check (default: ${DEFAULT-VALUE}).")
    String backendName;

    @Mixin
    DeviceOptions where;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConformanceReport report;
        String header;
        PrintWriter err = spec.commandLine().getErr();
        VectorLayout layout = VectorLayout.detect(vectors);
        if (batch < 1) throw new CliException("--batch must be >= 1, got " + batch);
        if (layout == VectorLayout.MINIGRID) {
            try (MiniGridEpisodes backend = Inputs.miniGridBackend(backendName, where.threads, where.device,
                    note -> { err.println(note); err.flush(); })) {
                header = String.format("backend %s (%s), MiniGrid vectors %s%n", backend.name(), backend.device(), vectors);
                report = new MiniGridConformance(backend).run(vectors);
            }
            return print(out, header, report);
        }
        try (Backend backend = Inputs.backend(backendName, where.threads, where.device, note -> { err.println(note); err.flush(); })) {
            if (layout == VectorLayout.SEARCH) {
                header = String.format("backend %s (%s), search vectors %s, batch %d%n", backend.name(), backend.device(),
                        vectors, batch);
                report = new SearchReplay(backend, batch, CONCURRENCY).run(vectors);
            } else {
                header = String.format("backend %s (%s), vectors %s%n", backend.name(), backend.device(), vectors);
                report = new ConformanceRunner(backend).run(vectors);
            }
        }
        return print(out, header, report);
    }

    private static int print(PrintWriter out, String header, ConformanceReport report) {
        // printed after the run, so that a broken vectors file leaves stdout empty (one stderr line)
        out.print(header);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            report.print(ps);
        }
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        return report.failed() == 0 ? 0 : 1;
    }
}
