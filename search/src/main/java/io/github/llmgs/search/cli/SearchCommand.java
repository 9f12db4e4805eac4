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
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        footer = {"", "Examples:", "  llmgs search --task DoorKey",
                "  llmgs search --task MazeSparse --method shc --seed 3 --budget 20000 --backend cpu --batch 64"})
final class SearchCommand implements Callable<Integer> {
    /** The exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "Task to solve (see `llmgs tasks`).")
    String taskName;

    @Option(names = "--method", paramLabel = "M", description = "llm-gs, shc, hc or random (default from config: llm-gs).")
    String method;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Search seed (default: ${DEFAULT-VALUE}).")
    String seedText;

    @Mixin
    SearchOptions options;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SearchConfig config = options.searchConfig();
        DomainTask task = DomainTask.of(taskName);
        RunSettings settings = options.settings(task);
        if (task.isMiniGrid()) options.checkMiniGridBackend(config);
        long seed = Inputs.seed("--seed", seedText);
        String m = method == null ? config.method() : method;
        SearchSpec early = options.spec(task.name(), m, seed, config, settings, null); // bad options fail first
        Path runDir = RunDirectory.path(options.out, task.name(), m, seed);
        refusal(RunFolder.inspect(runDir), options.overwrite, early).ifPresent(why -> {
            throw new CliException(why);
        });
        RunDirectory.checkRoot(options.out);
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        LlmConfig llmConfig = "llm-gs".equals(m) ? llm.prepare(config, stream, task) : null;
        SearchSpec searchSpec = options.spec(task.name(), m, seed, config, settings, llmConfig);
        Function<RunFolder, Optional<String>> refusal = folder -> refusal(folder, options.overwrite, searchSpec);
        Map<String, Object> llmFields = new LinkedHashMap<>();
        Function<RunDirectory, SeedSource> seedSource = "llm-gs".equals(m)
                ? dir -> LlmOptions.seedSource(llmConfig, task, seed, dir, llmFields, stream) : null;
        // the stop signal is closed last: on Ctrl-C it holds the exit until all is written and said
        try (StopSignal stop = StopSignal.install();
             Backend backend = SearchOptions.openBackend(searchSpec, task, stream);
             MiniGridEpisodes miniGrid = task.isMiniGrid() ? SearchOptions.openMiniGridBackend(searchSpec, stream) : null) {
            SearchOutcome outcome = new SearchRunner(stream, System.console() != null, 2.0)
                    .run(searchSpec, backend, miniGrid, seedSource, llmFields, refusal, stop);
            printOutcome(out, task, outcome);
            return outcome.interrupted() ? INTERRUPTED : 0;
        }
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
