package io.github.llmgs.search.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.engine.profile.Comparison;
import io.github.llmgs.engine.profile.ProfileResult;
import io.github.llmgs.engine.profile.ProfileSubject;
import io.github.llmgs.engine.profile.Profiler;
import io.github.llmgs.engine.profile.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code llmgs profile}: throughput of a backend on a workload file (one program per line) x 32
 * instances, with the checksum that proves the numbers are the reference's.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Measure a backend's throughput on a workload file (programs/s, episodes/s, calls/s).",
                "Runs every program x instances (seeds 0-31), on a Karel or a MiniGrid task.",
                "Reports programs/s, episodes/s, calls/s (median of timed passes after warm-up), the device,",
                "and checksum = sum over programs of the mean return (-217.78125 for the bench workload on DoorKey)."},
        footer = {"", "Examples:",
                "  llmgs profile --workload bench/src/main/resources/io/github/llmgs/bench/neighborhood-1024.txt --task DoorKey --backend cpu",
                "  llmgs profile --workload FILE --task DoorKey --backend opencl --sweep-batch 64,256,1024 --json",
                "  llmgs profile --workload bench/src/main/resources/io/github/llmgs/bench/minigrid-1024.txt --task LavaGap --backends cpu,opencl"})
final class ProfileCommand implements Callable<Integer> {
    /** The published Python reference on one core of these machines (DESIGN.md, Performance). */
    static final Map<String, Double> PUBLISHED_REFERENCE = Map.of("DoorKey", 45.0, "Harvester", 53.0, "CleanHouse", 50.0);

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "FILE", description = "One LEAPS program per line.")
    Path workload;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "Task to evaluate on.")
    String taskName;

    @Option(names = "--backend", defaultValue = "auto", paramLabel = "NAME",
            description = "cpu, opencl, auto or reference (default: ${DEFAULT-VALUE}).")
    String backendName;

    @Option(names = "--batch", defaultValue = "0", paramLabel = "N",
            description = "Programs per backend call (default: the whole workload).")
    int batch;

    @Mixin
    DeviceOptions where;

    @Option(names = "--seeds", defaultValue = "0-31", paramLabel = "SEEDS", description = "Instance seeds (default: ${DEFAULT-VALUE}).")
    String seedsText;

    @Option(names = "--repeat", defaultValue = "21", paramLabel = "N", description = "Timed passes (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N", description = "Warm-up passes (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sweep-batch", split = ",", paramLabel = "N[,N...]",
            description = "Print a table of throughput by batch size (programs per call).")
    List<Integer> sweep;

    @Option(names = "--sweep-instances", split = ",", paramLabel = "N[,N...]",
            description = "Print a table of throughput by instance count (instance seeds 0..N-1).")
    List<Integer> sweepInstances;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the sweeps' rows to FILE as CSV.")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "Draw the sweeps (programs/s by batch size, by instance count) to FILE.")
    Path png;

    @Option(names = "--backends", split = ",", paramLabel = "NAME[,NAME...]",
            description = "Profile several backends in one run, passes interleaved, and print their ratios.")
    List<String> backendNames;

    @Option(names = "--compare-reference", description = "Also time the tree-walking oracle on one thread (slow).")
    boolean compareReference;

    @Option(names = "--json", description = "End with one JSON object on its own line (schema " + ProfileJson.SCHEMA + ").")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (repeat < 1) throw new CliException("--repeat must be >= 1");
        if (batch < 0) throw new CliException("--batch must be >= 0");
        if (warmup < 0) throw new CliException("--warmup must be >= 0");
        DomainTask domainTask = DomainTask.of(taskName);
        Workload w;
        try {
            w = Workload.load(workload, domainTask.vocabulary());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        List<String> names = backendNames == null || backendNames.isEmpty() ? List.of(backendName) : backendNames;
        if (backendNames != null && spec.commandLine().getParseResult().hasMatchedOption("--backend")) {
            throw new CliException("--backend and --backends: give one of them");
        }
        checkSweep("--sweep-batch", sweep);
        checkSweep("--sweep-instances", sweepInstances);
        long[] seeds = Inputs.seeds("--seeds", seedsText);
        int maxCalls = domainTask.defaultSettings().maxCalls();
        Profiler profiler = new Profiler(warmup, repeat);
        Comparison result;
        List<Map<String, Object>> sweepRows = new ArrayList<>();
        try (ProfileBackends backends = ProfileBackends.open(domainTask, maxCalls, names, where.threads, where.device,
                note -> { out.println(note); out.flush(); })) {
            List<ProfileSubject> subjects = backends.on(seeds, "--seeds");
            for (ProfileSubject s : subjects) {
                out.printf("profiling %s: %d programs x %d instances of %s%n", s.device(), w.programs().size(),
                        s.instances(), s.task());
            }
            out.flush();
            if (sweep != null && !sweep.isEmpty()) {
                sweepTable(out, "batch", sweep, sweepRows, b -> profiler.profile(subjects, w.programs(), b, null));
            }
            if (sweepInstances != null && !sweepInstances.isEmpty()) {
                sweepTable(out, "instances", sweepInstances, sweepRows, count -> profiler.profile(
                        backends.on(ProfileBackends.firstSeeds(count), "--sweep-instances"), w.programs(), batch, null));
            }
            result = profiler.profile(subjects, w.programs(), batch, line -> {
                out.println("  " + line);
                out.flush();
            });
        }
        String task = domainTask.name();
        if (csv != null) writeCsv(sweepRows);
        if (png != null) {
            if (sweepRows.isEmpty()) throw new CliException("--png: nothing to draw without --sweep-batch or --sweep-instances");
            try {
                io.github.llmgs.search.run.AtomicFiles.write(png, ProfileChart.png(sweepRows, task));
            } catch (java.io.IOException e) {
                throw new CliException("--png " + png + ": cannot write: " + e.getMessage());
            }
        }
        Map<String, Object> jsonOut = new LinkedHashMap<>();
        for (int j = 0; j < result.results().size(); j++) {
            report(out, result.results().get(j));
            ProfileJson.print(out, result.results().get(j));
        }
        if (result.results().size() > 1) {
            Map<String, Object> ratios = new LinkedHashMap<>();
            ProfileResult first = result.results().get(0);
            for (int j = 1; j < result.results().size(); j++) {
                ProfileResult r = result.results().get(j);
                out.printf("%s vs %s: %.2fx programs/s (median of %d interleaved pass pairs; medians' ratio %.2fx)%n",
                        r.backend(), first.backend(), result.speedups().get(j), repeat,
                        r.programsPerSecond() / first.programsPerSecond());
                ratios.put(r.backend() + "/" + first.backend(), result.speedups().get(j));
            }
            jsonOut.put("ratios", ratios);
        }
        ProfileResult main = result.results().get(0);
        Double published = PUBLISHED_REFERENCE.get(task);
        if (published != null) {
            out.printf("vs the published Python reference (%.0f programs/s on one core): %.0fx%n", published,
                    main.programsPerSecond() / published);
            jsonOut.put("ratio_vs_published_reference", main.programsPerSecond() / published);
        }
        if (compareReference) {
            try (ProfileBackends oracle = ProfileBackends.open(domainTask, maxCalls, List.of("reference"), 1, null, n -> { })) {
                ProfileResult ref = new Profiler(0, 1).profile(oracle.on(seeds, "--seeds").get(0), w.programs(), batch, null);
                out.printf("vs our tree-walking oracle in this run (%,.0f programs/s): %.1fx%n", ref.programsPerSecond(),
                        main.programsPerSecond() / ref.programsPerSecond());
                jsonOut.put("oracle_programs_per_s", ref.programsPerSecond());
            }
        }
        if (!sweepRows.isEmpty()) jsonOut.put("sweep", sweepRows);
        if (json) {
            printJson(out, result, jsonOut);
        }
        out.flush();
        return 0;
    }

    /** Profiles at each sweep value (all backends interleaved), prints a row per backend and keeps the rows for --csv and --json. */
    private void sweepTable(PrintWriter out, String what, List<Integer> values, List<Map<String, Object>> rows,
                            java.util.function.IntFunction<Comparison> at) {
        out.printf("%10s %-8s %14s %14s %14s %16s%n", what, "backend", "programs/s", "episodes/s", "calls/s", "checksum");
        for (int v : values) {
            Comparison c = at.apply(v);
            for (ProfileResult r : c.results()) {
                out.printf("%10d %-8s %14.0f %14.0f %14.3e %16.8f%n", v, r.backend(), r.programsPerSecond(), r.episodesPerSecond(),
                        r.callsPerSecond(), r.checksum());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sweep", what);
                row.put("batch", r.batch());
                row.put("instances", r.instances());
                row.put("backend", r.backend());
                row.put("device", r.device());
                row.put("programs_per_s", r.programsPerSecond());
                row.put("episodes_per_s", r.episodesPerSecond());
                row.put("calls_per_s", r.callsPerSecond());
                row.put("checksum", r.checksum());
                row.put("median_seconds", r.medianSeconds());
                rows.add(row);
            }
            out.flush();
        }
    }

    /** Sweep values are batch sizes or instance counts: refused before any profiling when one is not positive. */
    private static void checkSweep(String option, List<Integer> values) {
        if (values == null) return;
        for (int v : values) {
            if (v < 1) throw new CliException(option + " values must be >= 1, got " + v);
        }
    }

    private void writeCsv(List<Map<String, Object>> rows) throws java.io.IOException {
        StringBuilder b = new StringBuilder("sweep,batch,instances,backend,device,programs_per_s,episodes_per_s,calls_per_s,checksum,median_seconds\n");
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : r.values()) {
                String s = String.valueOf(v);
                cells.add(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
            }
            b.append(String.join(",", cells)).append('\n');
        }
        try {
            io.github.llmgs.search.run.AtomicFiles.write(csv, b.toString());
        } catch (java.io.IOException e) {
            throw new CliException("--csv " + csv + ": cannot write: " + e.getMessage());
        }
    }

    private static void report(PrintWriter out, ProfileResult result) {
        out.printf("backend     %s%ndevice      %s%nprograms    %d (x %d instances = %d episodes)%n", result.backend(),
                result.device(), result.programs(), result.instances(), result.episodes());
        out.printf("programs/s  %,.0f%nepisodes/s  %,.0f%ncalls/s     %.3e%nchecksum    %.10f%n",
                result.programsPerSecond(), result.episodesPerSecond(), result.callsPerSecond(), result.checksum());
    }

    /**
     * The JSON line (README: "profile --json"): the schema, the workload, the machine, the first
     * backend's figures at the top level (as before), every backend's figures under "backends".
     */
    private void printJson(PrintWriter out, Comparison c, Map<String, Object> extra) throws Exception {
        ProfileResult result = c.results().get(0);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", ProfileJson.SCHEMA);
        j.put("programs_per_s", result.programsPerSecond());
        j.put("episodes_per_s", result.episodesPerSecond());
        j.put("calls_per_s", result.callsPerSecond());
        j.put("checksum", result.checksum());
        j.put("backend", result.backend());
        j.put("device", result.device());
        j.put("programs", result.programs());
        j.put("instances", result.instances());
        j.put("episodes", result.episodes());
        j.put("task", result.task());
        j.put("batch", result.batch());
        j.put("median_seconds", result.medianSeconds());
        j.put("warmup_passes", warmup);
        j.put("timed_passes", repeat);
        j.put("workload", workload.getFileName().toString());
        j.put("machine", ProfileJson.machine());
        List<Map<String, Object>> all = new ArrayList<>();
        for (int k = 0; k < c.results().size(); k++) all.add(ProfileJson.backend(c.results().get(k), c.speedups().get(k)));
        j.put("backends", all);
        j.putAll(extra);
        out.println(new ObjectMapper().writeValueAsString(j));
    }
}
