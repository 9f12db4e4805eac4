package io.github.llmgs.search.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.engine.Task;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.SearchOutcome;
import io.github.llmgs.search.run.SearchRunner;
import io.github.llmgs.search.run.SearchSpec;
import io.github.llmgs.search.sweep.SweepSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code llmgs sweep}: many searches (tasks x methods x seeds) and a summary table like the
 * paper's. Runs whose result.json already exists are read back, not redone, so an interrupted
 * sweep resumes where it stopped.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run many searches (tasks x methods x seeds) and summarise them like the paper's tables.",
                "Writes <out>/summary.md and summary.csv: mean +- std of the best score, the fraction of seeds "
                        + "reaching 1.0, the median programs to reach the final best and the wall time per run. "
                        + "Finished runs are reused, so an interrupted sweep resumes."},
        footer = {"", "Example:", "  llmgs sweep --tasks MazeSparse,DoorKey --methods hc,shc --seeds 0-7 --budget 100000"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", required = true, split = ",", paramLabel = "T[,T...]", description = "Tasks.")
    List<String> tasks;

    @Option(names = "--methods", defaultValue = "hc,shc", split = ",", paramLabel = "M[,M...]",
            description = "Methods (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--seeds", defaultValue = "0-31", paramLabel = "SEEDS", description = "Search seeds (default: ${DEFAULT-VALUE}).")
    String seedsText;

    @Mixin
    SearchOptions options;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SearchConfig config = options.searchConfig();
        RunSettings settings = options.settings();
        long[] seeds = Inputs.seeds("--seeds", seedsText);
        List<Task> taskList = new ArrayList<>();
        for (String t : tasks) taskList.add(Inputs.task(t.strip()));
        for (String m : methods) options.spec(taskList.get(0).name(), m.strip(), 0, config); // fail early on bad input
        List<Long> instanceSeeds = new ArrayList<>();
        for (long s : settings.seeds()) instanceSeeds.add(s);
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        LlmConfig llmConfig = methods.stream().anyMatch(m -> m.strip().equals("llm-gs")) ? llm.prepare(config, stream) : null;
        SearchRunner runner = new SearchRunner(stream, false, 30.0);
        SweepSummary summary = new SweepSummary();
        ObjectMapper json = new ObjectMapper();
        int total = taskList.size() * methods.size() * seeds.length, done = 0;
        for (Task task : taskList) {
            for (String m : methods) {
                String method = m.strip();
                for (long seed : seeds) {
                    done++;
                    Path dir = RunDirectory.path(options.out, task.name(), method, seed);
                    Map<String, Object> result;
                    if (Files.isRegularFile(dir.resolve("result.json")) && !options.overwrite) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> read = json.readValue(dir.resolve("result.json").toFile(), LinkedHashMap.class);
                        result = read;
                        out.printf("[%d/%d] %s %s seed %d: reusing %s%n", done, total, task.name(), method, seed, dir);
                    } else {
                        out.printf("[%d/%d] %s %s seed %d%n", done, total, task.name(), method, seed);
                        out.flush();
                        SearchSpec s = options.spec(task.name(), method, seed, config);
                        Map<String, Object> llmFields = new LinkedHashMap<>();
                        SearchOutcome o = runner.run(s, instanceSeeds, settings.maxCalls(), "llm-gs".equals(method)
                                ? d -> LlmOptions.seedSource(llmConfig, task.name(), seed, d, llmFields, stream) : null, llmFields);
                        result = o.result();
                    }
                    summary.add(result);
                    out.flush();
                }
            }
        }
        Files.createDirectories(options.out);
        Path md = options.out.resolve("summary.md"), csv = options.out.resolve("summary.csv");
        Files.writeString(md, summary.markdown());
        Files.writeString(csv, summary.csv());
        out.print(summary.markdown());
        out.printf("summary written to %s and %s%n", md, csv);
        out.flush();
        return 0;
    }
}
