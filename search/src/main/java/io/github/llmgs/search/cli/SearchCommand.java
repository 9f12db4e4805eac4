package io.github.llmgs.search.cli;

import io.github.llmgs.engine.Task;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.method.SeedSource;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.SearchOutcome;
import io.github.llmgs.search.run.SearchRunner;
import io.github.llmgs.search.run.SearchSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                "Writes output/<task>/<method>/<seed>/: result.json, curve.csv, events.jsonl (llm.jsonl for LLM runs)."},
        footer = {"", "Examples:", "  llmgs search --task DoorKey",
                "  llmgs search --task MazeSparse --method shc --seed 3 --budget 20000 --backend cpu --batch 64"})
final class SearchCommand implements Callable<Integer> {
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
        RunSettings settings = options.settings();
        Task task = Inputs.task(taskName);
        long seed = Inputs.seed("--seed", seedText);
        SearchSpec searchSpec = options.spec(task.name(), method == null ? config.method() : method, seed, config);
        Path runDir = RunDirectory.path(options.out, task.name(), searchSpec.method(), seed);
        if (Files.exists(runDir) && !options.overwrite) {
            throw new CliException(runDir + " already exists (a previous run's results); choose another --out or --seed, or pass --overwrite to replace it");
        }
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        List<Long> seeds = new ArrayList<>();
        for (long s : settings.seeds()) seeds.add(s);
        Map<String, Object> llmFields = new LinkedHashMap<>();
        Function<RunDirectory, SeedSource> seedSource = null;
        if ("llm-gs".equals(searchSpec.method())) {
            LlmConfig llmConfig = llm.prepare(config, stream);
            seedSource = dir -> LlmOptions.seedSource(llmConfig, task.name(), seed, dir, llmFields, stream);
        }
        SearchOutcome outcome = new SearchRunner(stream, System.console() != null, 2.0)
                .run(searchSpec, seeds, settings.maxCalls(), seedSource, llmFields);
        out.printf("best score %.6f after %,d programs (found at %,d), %.1f s%nbest program: %s%nresults: %s%n",
                outcome.bestScore(), outcome.programsEvaluated(), ((Number) outcome.result().get("best_found_at")).longValue(),
                outcome.wallSeconds(), outcome.bestProgram(), outcome.dir());
        out.flush();
        return 0;
    }
}
