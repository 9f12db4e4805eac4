package io.github.llmgs.search.cli;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.run.Batcher;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.RunFolder;
import io.github.llmgs.search.run.RunPool;
import io.github.llmgs.search.run.SearchRunner;
import io.github.llmgs.search.run.SearchSpec;
import io.github.llmgs.search.run.StopSignal;
import io.github.llmgs.search.sweep.SweepSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code llmgs sweep}: many searches (tasks x methods x seeds) and a summary table like the
 * paper's. Before any work it reads every run directory: a run that finished with the same
 * settings (the digest of its spec) is reused, an unfinished one (interrupted, failed, killed) is
 * redone, and one that finished with other settings stops the sweep unless {@code --overwrite}
 * says to redo it, so a summary never mixes runs made with different settings.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run many searches (tasks x methods x seeds) and summarise them like the paper's tables.",
                "Writes <out>/summary.md and summary.csv: mean +- std of the best score, the fraction of seeds "
                        + "reaching 1.0, the median programs to reach the final best and the wall time per run.",
                "Runs that finished with the same settings are reused and unfinished ones redone, so an interrupted "
                        + "or killed sweep resumes when run again; a run that finished with other settings (another "
                        + "budget, say) stops the sweep before any work unless --overwrite is given.",
                "Ctrl-C stops after the batch in flight, keeps the partial run for redoing and writes the summary "
                        + "of the finished runs (exit code 130)."},
        footer = {"", "Example:", "  llmgs sweep --tasks MazeSparse,DoorKey --methods hc,shc --seeds 0-7 --budget 100000"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", required = true, split = ",", paramLabel = "T[,T...]", description = "Tasks.")
    List<String> tasks;

    @Option(names = "--methods", defaultValue = "hc,shc", split = ",", paramLabel = "M[,M...]",
            description = "Methods (default: ${DEFAULT-VALUE}); llm-revision runs each --revision variant as a method "
                    + "of its own (llm-revision-<variant>).")
    List<String> methods;

    @Option(names = "--seeds", defaultValue = "0-31", paramLabel = "SEEDS", description = "Search seeds (default: ${DEFAULT-VALUE}).")
    String seedsText;

    @Mixin
    SearchOptions options;

    @Mixin
    LlmOptions llm;

    /** One run of the sweep and what to do with its directory. */
    private record Planned(SearchSpec spec, RunFolder folder, Action action, String why) {}

    private enum Action { NEW, REUSE, REDO, REPLACE }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        options.checkConcurrency();
        SearchConfig config = options.searchConfig();
        long[] seeds = Inputs.seeds("--seeds", seedsText);
        List<DomainTask> taskList = new ArrayList<>();
        for (String t : tasks) taskList.add(DomainTask.of(t));
        Map<String, RunSettings> settings = new LinkedHashMap<>(); // by domain
        for (DomainTask t : taskList) {
            settings.computeIfAbsent(t.domain(), d -> options.settings(t));
            if (t.isMiniGrid()) options.checkMiniGridBackend(config);
        }
        List<String> methodList = options.expand(methods.stream().map(String::strip).distinct().toList(), true)
                .stream().distinct().toList();
        DomainTask first = taskList.get(0);
        for (String m : methodList) options.spec(first.name(), m, 0, config, settings.get(first.domain()), null); // fail early
        RunDirectory.checkRoot(options.out);
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        // a replayed llm.jsonl holds one task's answers: with one task it is checked up front
        if (methodList.stream().anyMatch(SearchSpec::usesLlm) && llm.replay != null && taskList.size() > 1) {
            throw new CliException("--llm-replay replays one task's llm.jsonl; this sweep has " + taskList.size()
                    + " tasks (sweep one task per replayed file)");
        }
        LlmConfig llmConfig = methodList.stream().noneMatch(SearchSpec::usesLlm) ? null
                : llm.prepare(config, stream, taskList.size() == 1 ? first.name() : null);
        LlmOptions.requireLlm(methodList, llmConfig);

        List<Planned> plan = new ArrayList<>();
        Map<String, DomainTask> byName = new LinkedHashMap<>();
        for (DomainTask task : taskList) {
            byName.put(task.name(), task);
            for (String method : methodList) {
                for (long seed : seeds) {
                    plan.add(plan(options.spec(task.name(), method, seed, config, settings.get(task.domain()), llmConfig)));
                }
            }
        }
        long reuse = plan.stream().filter(p -> p.action() == Action.REUSE).count();
        long redo = plan.stream().filter(p -> p.action() == Action.REDO || p.action() == Action.REPLACE).count();
        SweepSummary summary = new SweepSummary();
        // opened once for the whole sweep, before any run, so a bad device fails before any work; only
        // Karel runs use it (MiniGrid runs bring their own backend)
        Planned karelWork = plan.stream().filter(p -> p.action() != Action.REUSE && !byName.get(p.spec().task()).isMiniGrid())
                .findFirst().orElse(null);
        Backend backend = karelWork == null ? null
                : SearchOptions.openBackend(karelWork.spec(), byName.get(karelWork.spec().task()), stream);
        Planned miniGridWork = plan.stream().filter(p -> p.action() != Action.REUSE && byName.get(p.spec().task()).isMiniGrid())
                .findFirst().orElse(null);
        MiniGridEpisodes miniGridBackend = miniGridWork == null ? null
                : SearchOptions.openMiniGridBackend(miniGridWork.spec(), stream);
        out.printf("sweep: %d runs: %d finished with the same settings (reused), %d to redo, %d new; up to %d at once%n",
                plan.size(), reuse, redo, plan.size() - reuse - redo, options.concurrency);
        out.flush();

        try (StopSignal stop = StopSignal.install(); Batcher batcher = new Batcher(Batcher.pairLimit(backend, miniGridBackend))) {
            List<RunPool.Job> jobs = new ArrayList<>();
            // one run at a time keeps each run's own progress lines; concurrent runs report when they end
            SearchRunner runner = options.concurrency == 1 ? new SearchRunner(stream, false, 30.0)
                    : new SearchRunner(new PrintStream(java.io.OutputStream.nullOutputStream()), false, 1e9);
            int index = 0;
            for (Planned p : plan) {
                index++;
                SearchSpec s = p.spec();
                String name = s.task() + " " + s.method() + " seed " + s.seed();
                if (p.action() == Action.REUSE) {
                    out.printf("[%d/%d] %s: reusing %s%n", index, plan.size(), name, p.folder().dir());
                    continue;
                }
                String label = "[" + index + "/" + plan.size() + "] " + name;
                DomainTask task = byName.get(s.task());
                jobs.add(new RunPool.Job(name, () -> {
                    synchronized (stream) {
                        stream.printf("%s%s%n", label, p.why() == null ? "" : " (redoing: " + p.why() + ")");
                    }
                    Map<String, Object> llmFields = new LinkedHashMap<>();
                    return runner.run(s, backend, miniGridBackend, batcher,
                            LlmOptions.programsFor(s.method(), llmConfig, task, s.seed(), llmFields, stream), llmFields, folder -> claimRefusal(folder, s), stop);
                }));
            }
            out.flush();
            List<RunPool.Done> results;
            try {
                results = new RunPool(options.concurrency, batcher, stop, stream, 30.0).run(jobs);
            } finally {
                if (backend != null) backend.close();
                if (miniGridBackend != null) miniGridBackend.close();
            }
            summary.engine(batcher.metrics().fields(), batcher.metrics().wallSeconds());
            // the summary keeps the plan's order: reused and new runs as they were planned
            Map<String, RunPool.Done> byName2 = new LinkedHashMap<>();
            for (RunPool.Done d : results) byName2.put(d.job().name(), d);
            int done = 0;
            RuntimeException error = null;
            for (Planned p : plan) {
                SearchSpec s = p.spec();
                if (p.action() == Action.REUSE) {
                    summary.add(p.folder().result());
                    done++;
                    continue;
                }
                RunPool.Done d = byName2.get(s.task() + " " + s.method() + " seed " + s.seed());
                if (d != null && d.error() != null && error == null) error = d.error();
                if (d != null && d.outcome() != null && !d.outcome().interrupted()) {
                    summary.add(d.outcome().result());
                    done++;
                }
            }
            out.flush();
            if (error != null) {
                writeSummary(out, summary, done, plan.size(), "the sweep stopped on an error");
                throw error;
            }
            if (done < plan.size()) {
                writeSummary(out, summary, done, plan.size(), "the sweep was interrupted");
                out.printf("sweep interrupted after %d of %d runs; run the same command again to resume%n", done, plan.size());
                out.flush();
                return SearchCommand.INTERRUPTED;
            }
            writeSummary(out, summary, done, plan.size(), null);
            return 0;
        }
    }

    /** What to do with one run's directory; a finished run with other settings is an error unless --overwrite. */
    private Planned plan(SearchSpec s) {
        RunFolder f = RunFolder.inspect(RunDirectory.path(s.out(), s.task(), s.method(), s.seed()));
        Path dir = f.dir();
        return switch (f.state()) {
            case ABSENT -> new Planned(s, f, Action.NEW, null);
            case NOT_A_DIRECTORY, UNREACHABLE, IN_USE -> throw new CliException(f.blocker().orElseThrow());
            case FINISHED -> {
                String difference = s.difference(f.spec());
                if (difference == null) yield new Planned(s, f, Action.REUSE, null);
                if (!options.overwrite) {
                    throw new CliException(dir + " holds a run made with other settings: " + difference
                            + "; pass --overwrite to redo it, or choose another --out");
                }
                yield new Planned(s, f, Action.REPLACE, "made with " + difference);
            }
            default -> new Planned(s, f, Action.REDO, "it held " + f.describe());
        };
    }

    /** Under the run's lock: refuse only a run that another command finished since the plan was made. */
    private Optional<String> claimRefusal(RunFolder folder, SearchSpec s) {
        if (folder.finished() && (s.difference(folder.spec()) == null || !options.overwrite)) {
            return Optional.of(folder.dir() + " was finished by another command while this sweep ran; run the sweep again");
        }
        return Optional.empty();
    }

    /** Writes the summary of the finished runs; with none (a sweep stopped at once) an older summary is kept. */
    private void writeSummary(PrintWriter out, SweepSummary summary, int done, int total, String partial) {
        if (done == 0 && partial != null) return;
        String note = partial == null ? null : "Partial: " + done + " of " + total + " runs (" + partial
                + "; run the same sweep again to resume).";
        List<Path> written = summary.write(options.out, note);
        out.print(summary.markdown(note));
        out.printf("summary of %d of %d runs written to %s and %s%n", done, total, written.get(0), written.get(1));
        out.flush();
    }
}
