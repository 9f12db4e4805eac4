package io.github.llmgs.search.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.run.Batcher;
import io.github.llmgs.search.run.RunPool;
import io.github.llmgs.search.run.SearchOutcome;
import io.github.llmgs.search.run.SearchRunner;
import io.github.llmgs.search.run.SearchSpec;
import io.github.llmgs.search.run.StopSignal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code llmgs profile-sweep}: the throughput of a whole sweep, its runs one after another and
 * then all at once on one engine, in the same process: programs/s of each, their ratio, the
 * engine's programs per call, and the digest of the runs' results, which must be equal.
 */
@Command(name = "profile-sweep", mixinStandardHelpOptions = true,
        description = {"Measure a sweep's throughput: its runs one after another, then together on one engine.",
                "Prints programs/s of each way, their ratio, the engine's calls and programs (pairs) per call, its busy",
                "fraction, the cores the process kept busy (CPU time over wall time; with the machine's stolen time",
                "where /proc/stat tells it), and the SHA-256 of the runs' results (best program, score, counts, curve), which must be the",
                "same both ways (exit code 1 if not). The runs are written to a temporary directory, then deleted."},
        footer = {"", "Example:",
                "  llmgs profile-sweep --task DoorKey --method shc --seeds 0-31 --budget 100000 --backend cpu"})
final class ProfileSweepCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "Task of every run.")
    String taskName;

    @Option(names = "--method", defaultValue = "shc", paramLabel = "M", description = "Method of every run (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--seeds", defaultValue = "0-31", paramLabel = "SEEDS", description = "Search seeds (default: ${DEFAULT-VALUE}).")
    String seedsText;

    @Option(names = "--together-only", description = "Skip the one-at-a-time pass (and so the ratio).")
    boolean togetherOnly;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "Measure both ways N times, alternating which goes first, and report each ratio and their median "
                    + "(the machine's speed drifts; default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", description = "End with one JSON object on its own line.")
    boolean json;

    @picocli.CommandLine.Mixin
    SearchOptions options;

    /** One way of running the sweep, measured. */
    private record Measured(int concurrency, double wallSeconds, long programs, Batcher.Metrics engine, String digest,
                            CpuMeter.Usage usage) {
        double programsPerSecond() { return programs / Math.max(wallSeconds, 1e-9); }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        options.checkConcurrency();
        if (repeat < 1) throw new CliException("--repeat must be >= 1, got " + repeat);
        if ("llm-gs".equals(method)) throw new CliException("profile-sweep runs hc, shc or random (llm-gs needs an LLM's seeds)");
        SearchConfig config = options.searchConfig();
        DomainTask task = DomainTask.of(taskName);
        RunSettings settings = options.settings(task);
        if (task.isMiniGrid()) options.checkMiniGridBackend(config);
        long[] seeds = Inputs.seeds("--seeds", seedsText);
        Path root = Files.createTempDirectory("llmgs-profile-sweep");
        options.out = root;
        options.overwrite = true;
        List<SearchSpec> specs = new ArrayList<>();
        for (long seed : seeds) specs.add(options.spec(task.name(), method, seed, config, settings, null));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        List<Measured> measured = new ArrayList<>();
        try (StopSignal stop = StopSignal.install();
             Backend backend = SearchOptions.openBackend(specs.get(0), task, stream);
             MiniGridEpisodes miniGrid = task.isMiniGrid() ? SearchOptions.openMiniGridBackend(specs.get(0), stream) : null) {
            out.printf("%d runs of %s %s, budget %,d%n", specs.size(), task.name(), method, specs.get(0).budget());
            out.flush();
            List<Integer> ways = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                // alternating which way goes first, so that a drift of the machine's speed favours neither
                List<Integer> round = togetherOnly ? List.of(options.concurrency)
                        : r % 2 == 0 ? List.of(1, options.concurrency) : List.of(options.concurrency, 1);
                ways.addAll(round);
            }
            for (int concurrency : ways) {
                Measured m = measure(specs, concurrency, backend, miniGrid, stop, quiet, root.resolve("c" + concurrency));
                if (stop.stopped()) throw new CliException("interrupted");
                measured.add(m);
                out.printf("%-22s %8.1f s  %,10.0f programs/s  %,7d engine calls  %,8.0f programs (%,.0f pairs) per call, "
                                + "median %,.0f, %,.0f scored  busy %3.0f%%  cores %.2f%s  results %s%n",
                        concurrency == 1 ? "one run at a time" : Math.min(concurrency, specs.size()) + " runs at once",
                        m.wallSeconds(),
                        m.programsPerSecond(), m.engine().calls(), m.engine().meanPrograms(), m.engine().meanPairs(),
                        m.engine().medianPrograms(), m.engine().meanScored(), 100 * m.engine().busyFraction(),
                        m.usage().cores(), Double.isNaN(m.usage().stolen()) ? "" : String.format(" (steal %.0f%%)", 100 * m.usage().stolen()),
                        m.digest());
                out.flush();
            }
        } finally {
            delete(root);
        }
        boolean same = measured.stream().map(Measured::digest).distinct().count() == 1;
        List<Measured> alone = measured.stream().filter(m -> m.concurrency() == 1).toList();
        List<Measured> joint = measured.stream().filter(m -> m.concurrency() != 1).toList();
        Measured together = joint.get(joint.size() - 1);
        // each repetition's ratio, its two ways measured next to each other
        double[] ratios = new double[alone.size()];
        for (int r = 0; r < ratios.length; r++) ratios[r] = joint.get(r).programsPerSecond() / alone.get(r).programsPerSecond();
        double ratio = median(ratios);
        if (ratios.length > 0) {
            out.printf("together / one at a time: %.2fx programs/s%s; results %s%n", ratio,
                    ratios.length == 1 ? "" : " (median of " + ratios.length + ": " + java.util.Arrays.stream(ratios)
                            .mapToObj(x -> String.format("%.2fx", x)).collect(java.util.stream.Collectors.joining(", ")) + ")",
                    same ? "identical" : "DIFFER");
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("task", task.name());
            j.put("method", method);
            j.put("runs", specs.size());
            j.put("budget", specs.get(0).budget());
            for (Measured m : ratios.length == 0 ? List.of(together) : List.of(alone.get(alone.size() - 1), together)) {
                Map<String, Object> f = new LinkedHashMap<>(m.engine().fields());
                f.put("wall_seconds", m.wallSeconds());
                f.put("programs_evaluated", m.programs());
                f.put("programs_per_s", m.programsPerSecond());
                f.put("cpu_seconds", m.usage().cpuSeconds());
                f.put("cores_busy", m.usage().cores());
                if (!Double.isNaN(m.usage().stolen())) f.put("steal_fraction", m.usage().stolen());
                f.put("results_digest", m.digest());
                j.put(m.concurrency() == 1 ? "one_at_a_time" : "together", f);
            }
            if (ratios.length > 0) {
                j.put("ratio", ratio);
                j.put("ratios", ratios);
            }
            j.put("identical", same);
            out.println(JSON.writeValueAsString(j));
        }
        out.flush();
        return same ? 0 : 1;
    }

    private static Measured measure(List<SearchSpec> specs, int concurrency, Backend backend, MiniGridEpisodes miniGrid,
                                    StopSignal stop, PrintStream quiet, Path out) {
        SearchRunner runner = new SearchRunner(quiet, false, 1e9);
        long t0 = System.nanoTime();
        CpuMeter meter = CpuMeter.start();
        List<RunPool.Done> done;
        Batcher.Metrics engine;
        List<SearchSpec> placed = specs.stream().map(s -> s.withOut(out)).toList();
        try (Batcher batcher = new Batcher(Batcher.pairLimit(backend, miniGrid))) {
            List<RunPool.Job> jobs = new ArrayList<>();
            for (SearchSpec s : placed) {
                jobs.add(new RunPool.Job(s.task() + " " + s.method() + " seed " + s.seed(),
                        () -> runner.run(s, backend, miniGrid, batcher, null, Map.of(), f -> Optional.empty(), stop)));
            }
            done = new RunPool(concurrency, batcher, stop, quiet, 3600).run(jobs);
            engine = batcher.metrics();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Usage usage = meter.since();
        long programs = 0;
        MessageDigest sha = sha256();
        for (RunPool.Done d : done) {
            if (d.error() != null) throw d.error();
            if (d.outcome() == null) continue;
            SearchOutcome o = d.outcome();
            programs += o.programsEvaluated();
            Map<String, Object> r = o.result();
            String line = r.get("task") + " " + r.get("method") + " " + r.get("seed") + " " + r.get("best_program") + " "
                    + r.get("best_score") + " " + r.get("best_found_at") + " " + r.get("programs_evaluated") + "\n";
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            try {
                sha.update(Files.readAllBytes(o.dir().resolve("curve.csv")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Measured(concurrency, wall, programs, engine, "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16),
                usage);
    }

    private static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
