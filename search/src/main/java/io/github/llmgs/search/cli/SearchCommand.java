package io.github.llmgs.search.cli;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.method.SeedSource;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.RunFolder;
import io.github.llmgs.search.run.SearchOutcome;
import io.github.llmgs.search.run.SearchRunner;
import io.github.llmgs.search.run.SearchSpec;
import io.github.llmgs.search.run.StopSignal;
import io.github.llmgs.search.run.Batcher;
import io.github.llmgs.search.run.RunPool;
import io.github.llmgs.search.sweep.SweepSummary;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs search}: one search run, the main job. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search for a program policy for a task (LLM-GS, SHC, HC or random search).",
                "Writes output/<task>/<method>/<seed>/: result.json, curve.csv, events.jsonl (llm.jsonl for LLM runs).",
                "Ctrl-C stops after the batch in flight and writes the partial result (exit code 130)."},
        footer = {"", "Examples:", "  llmgs search --task DoorKey", "  llmgs search --task DoorKey --method shc --seeds 0-31 --budget 100000",
                "  llmgs search --task MazeSparse --method shc --seed 3 --budget 20000 --backend cpu --batch 64"})
final class SearchCommand implements Callable<Integer> {
    /** The exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "Task to solve (see `llmgs tasks`).")
    String taskName;

    @Option(names = "--method", paramLabel = "M", description = "llm-gs, shc, hc, random or llm-revision (with --revision; default from config: llm-gs).")
    String method;

    @Option(names = "--seed", paramLabel = "S", description = "Search seed (default: 0).")
    String seedText;

    @Option(names = "--seeds", paramLabel = "SEEDS",
            description = "Several search seeds run together on one engine (e.g. 0-31 or 0,3,5), each in its own "
                    + "directory as with --seed, plus a summary in output/<task>/<method>/summary.md.")
    String seedsText;

    @Mixin
    SearchOptions options;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (seedText != null && seedsText != null) throw new CliException("--seed and --seeds: give one of them");
        options.checkConcurrency();
        SearchConfig config = options.searchConfig();
        DomainTask task = DomainTask.of(taskName);
        RunSettings settings = options.settings(task);
        if (task.isMiniGrid()) options.checkMiniGridBackend(config);
        long[] seeds = seedsText != null ? Inputs.seeds("--seeds", seedsText)
                : new long[] {Inputs.seed("--seed", seedText == null ? "0" : seedText)};
        String m = options.expand(List.of(method == null ? config.method() : method), false).get(0);
        for (long seed : seeds) { // bad options and taken directories fail before any work
            SearchSpec early = options.spec(task.name(), m, seed, config, settings, null);
            refusal(RunFolder.inspect(RunDirectory.path(options.out, task.name(), m, seed)), options.overwrite, early)
                    .ifPresent(why -> {
                        throw new CliException(why);
                    });
        }
        RunDirectory.checkRoot(options.out);
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        LlmConfig llmConfig = SearchSpec.usesLlm(m) ? llm.prepare(config, stream, task) : null;
        LlmOptions.requireLlm(List.of(m), llmConfig);
        List<SearchSpec> specs = new ArrayList<>();
        for (long seed : seeds) specs.add(options.spec(task.name(), m, seed, config, settings, llmConfig));
        boolean one = specs.size() == 1;
        SearchRunner runner = one ? new SearchRunner(stream, System.console() != null, 2.0)
                : new SearchRunner(new PrintStream(OutputStream.nullOutputStream()), false, 1e9);
        // the stop signal is closed last: on Ctrl-C it holds the exit until all is written and said
        try (StopSignal stop = StopSignal.install();
             Backend backend = SearchOptions.openBackend(specs.get(0), task, stream);
             MiniGridEpisodes miniGrid = task.isMiniGrid() ? SearchOptions.openMiniGridBackend(specs.get(0), stream) : null;
             Batcher batcher = new Batcher(Batcher.pairLimit(backend, miniGrid))) {
            List<RunPool.Job> jobs = new ArrayList<>();
            for (SearchSpec s : specs) {
                Function<RunFolder, Optional<String>> refusal = folder -> refusal(folder, options.overwrite, s);
                Map<String, Object> llmFields = new LinkedHashMap<>();
                Function<RunDirectory, SeedSource> seedSource = LlmOptions.programsFor(m, llmConfig, task, s.seed(),
                        llmFields, stream);
                jobs.add(new RunPool.Job(task.name() + " " + m + " seed " + s.seed(),
                        () -> runner.run(s, backend, miniGrid, batcher, seedSource, llmFields, refusal, stop)));
            }
            if (one) {
                SearchOutcome outcome = jobs.get(0).work().get();
                printOutcome(out, task, outcome);
                return outcome.interrupted() ? INTERRUPTED : 0;
            }
            out.printf("%d runs of %s %s (seeds %s), up to %d at once%n", jobs.size(), task.name(), m, seedsText,
                    options.concurrency);
            out.flush();
            List<RunPool.Done> results = new RunPool(options.concurrency, batcher, stop, stream, 10.0).run(jobs);
            return summarise(out, task.name(), m, results, batcher.metrics(), specs.size());
        }
    }

    /** The runs' table and the engine's figures, printed and written beside the runs; the first run error is rethrown. */
    private int summarise(PrintWriter out, String task, String m, List<RunPool.Done> results, Batcher.Metrics engine,
                          int total) {
        SweepSummary summary = new SweepSummary();
        summary.engine(engine.fields(), engine.wallSeconds());
        int finished = 0;
        RuntimeException error = null;
        for (RunPool.Done d : results) {
            if (d.error() != null && error == null) error = d.error();
            if (d.outcome() != null && !d.outcome().interrupted()) {
                summary.add(d.outcome().result());
                finished++;
            }
        }
        String note = finished == total ? null : "Partial: " + finished + " of " + total + " runs finished ("
                + (error != null ? "a run failed: " + error.getMessage() : "interrupted") + ").";
        Path dir = RunDirectory.path(options.out, task, m, 0).getParent();
        if (finished > 0) {
            List<Path> written = summary.write(dir, note);
            out.print(summary.markdown(note));
            out.printf("summary of %d of %d runs written to %s%n", finished, total, written.get(0));
        }
        out.flush();
        if (error != null) throw error;
        return finished < total ? INTERRUPTED : 0;
    }

    /**
     * Whether {@code search} may take a run directory: an empty one or a failed start, yes; a
     * finished, interrupted, failed or killed run only with {@code --overwrite}; a file or a
     * directory another run holds, never.
     */
    static Optional<String> refusal(RunFolder folder, boolean overwrite, SearchSpec wanted) {
        Path dir = folder.dir();
        return switch (folder.state()) {
            case ABSENT, FAILED_START -> Optional.empty();
            case NOT_A_DIRECTORY, UNREACHABLE, IN_USE -> folder.blocker();
            case FINISHED -> {
                if (overwrite) yield Optional.empty();
                String difference = wanted.difference(folder.spec());
                yield Optional.of(dir + " already holds " + folder.describe()
                        + (difference == null ? "" : ", made with " + difference)
                        + "; choose another --out or --seed, or pass --overwrite to replace it");
            }
            case INTERRUPTED, FAILED, UNFINISHED, UNREADABLE -> overwrite ? Optional.empty()
                    : Optional.of(dir + " holds " + folder.describe() + "; pass --overwrite to start it again");
        };
    }

    private static void printOutcome(PrintWriter out, DomainTask task, SearchOutcome o) {
        Object found = o.result().get("best_found_at");
        if (o.bestProgram() == null) {
            out.printf("%s before any program was evaluated, %.1f s%nresults: %s%n", o.status(), o.wallSeconds(), o.dir());
        } else {
            out.printf("%sbest score %.6f after %,d programs (found at %,d), %.1f s%nbest program: %s%nresults: %s%n",
                    o.interrupted() ? "interrupted: " : "", o.bestScore(), o.programsEvaluated(),
                    ((Number) found).longValue(), o.wallSeconds(), o.bestProgram(), o.dir());
            out.printf("next: watch it play one instance step by step:%n  ./llmgs eval --task %s --program \"%s\" --trace 0%n",
                    task.name(), o.bestProgram());
        }
        if (o.interrupted()) {
            out.printf("the run was interrupted; to run it again from the start: the same command with --overwrite%n");
        }
        out.flush();
    }
}
