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
import io.github.llmgs.search.slurm.JavaCommand;
import io.github.llmgs.search.slurm.QueueWait;
import io.github.llmgs.search.slurm.Sbatch;
import io.github.llmgs.search.slurm.SlurmException;
import io.github.llmgs.search.slurm.Squeue;
import io.github.llmgs.search.slurm.SweepJobs;
import io.github.llmgs.search.slurm.SweepPlan;
import io.github.llmgs.search.slurm.SweepStatus;
import io.github.llmgs.search.slurm.SweepSubmission;
import io.github.llmgs.search.sweep.Shard;
import io.github.llmgs.search.sweep.SweepSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code llmgs sweep}: many searches (tasks x methods x seeds) and a summary table like the
 * paper's. Before any work it reads every run directory: a run that finished with the same
 * settings (the digest of its spec) is reused, an unfinished one (interrupted, failed, killed) is
 * redone, and one that finished with other settings stops the sweep unless {@code --overwrite}
 * says to redo it, so a summary never mixes runs made with different settings. The same holds
 * for a part of the sweep ({@code --shard I/N}), which a job array's task runs when the sweep is
 * submitted to Slurm ({@code --slurm}); {@code --summary-only} merges what the parts finished and
 * {@code --status} says how far they are.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run many searches (tasks x methods x seeds) and summarise them like the paper's tables.",
                "Writes <out>/summary.md and summary.csv: mean +- std of the best score, the fraction of seeds "
                        + "reaching 1.0, the median programs to reach the final best and the wall time per run.",
                "Runs that finished with the same settings are reused and unfinished ones redone, so an interrupted "
                        + "or killed sweep resumes when run again; a run that finished with other settings (another "
                        + "budget, say) stops the sweep before any work unless --overwrite is given.",
                "Ctrl-C stops after the batch in flight, keeps the partial run for redoing and writes the summary "
                        + "of the finished runs (exit code 130).",
                "With --slurm the sweep goes to a Slurm cluster as one job array (task I runs --shard I/N) and a merge "
                        + "job that writes the summary; submitting it again completes runs that a killed task left."},
        footer = {"", "Examples:", "  llmgs sweep --tasks MazeSparse,DoorKey --methods hc,shc --seeds 0-7 --budget 100000",
                "  llmgs sweep --tasks DoorKey --methods shc --seeds 0-31 --budget 1000000 --slurm --shards 8 --cpus-per-task 8 --time 4:00:00",
                "  llmgs sweep --status output"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", split = ",", paramLabel = "T[,T...]", description = "Tasks (required, except with --status).")
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

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only part I of N of the sweep (from 0): the runs i with i mod N = I, counting from 0 in the "
                    + "order tasks x methods x seeds, as each task of a --slurm job array does. It writes no summary.md; "
                    + "a sweep over the whole --out (or --summary-only) merges the parts.")
    String shardText;

    @Option(names = "--summary-only",
            description = "Run nothing: write the summary of the runs already finished in --out, marked partial (and exit "
                    + "code 2) when some are not, as the --slurm merge job does.")
    boolean summaryOnly;

    @Option(names = "--status", paramLabel = "DIR",
            description = "Say what a sweep's output directory holds and run nothing: runs done, running, failed, stopped "
                    + "and not started per task and method, the runs not done, and its Slurm jobs with their state.")
    Path statusDir;

    @Mixin
    SlurmOptions slurm;

    /** One run of the sweep and what to do with its directory. */
    private record Planned(SearchSpec spec, RunFolder folder, Action action, String why) {}

    private enum Action { NEW, REUSE, REDO, REPLACE }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (statusDir != null) return status(out);
        if (tasks == null) throw new CliException("--tasks: missing (the tasks to sweep; or --status DIR to see a sweep's state)");
        slurm.check();
        Shard shard = shard();
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

        List<SearchSpec> specs = new ArrayList<>();
        Map<String, DomainTask> byName = new LinkedHashMap<>();
        for (DomainTask task : taskList) {
            byName.put(task.name(), task);
            for (String method : methodList) {
                for (long seed : seeds) {
                    specs.add(options.spec(task.name(), method, seed, config, settings.get(task.domain()), llmConfig));
                }
            }
        }
        if (summaryOnly) return summarise(specs, out);
        if (slurm.submit) return submit(specs, out);
        // a shard keeps the runs' numbers in the whole sweep, so its lines name them as the sweep would
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) if (shard == null || shard.owns(i)) positions.add(i);
        List<Planned> plan = new ArrayList<>();
        for (int i : positions) plan.add(plan(specs.get(i)));
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
        out.printf("sweep%s: %d runs: %d finished with the same settings (reused), %d to redo, %d new; up to %d at once%n",
                shard == null ? "" : " shard " + shard + " (" + plan.size() + " of the sweep's " + specs.size() + " runs)",
                plan.size(), reuse, redo, plan.size() - reuse - redo, options.concurrency);
        out.flush();

        try (StopSignal stop = StopSignal.install(); Batcher batcher = new Batcher(Batcher.pairLimit(backend, miniGridBackend))) {
            List<RunPool.Job> jobs = new ArrayList<>();
            // one run at a time keeps each run's own progress lines; concurrent runs report when they end
            SearchRunner runner = options.concurrency == 1 ? new SearchRunner(stream, false, 30.0)
                    : new SearchRunner(new PrintStream(java.io.OutputStream.nullOutputStream()), false, 1e9);
            for (int k = 0; k < plan.size(); k++) {
                Planned p = plan.get(k);
                int index = positions.get(k) + 1;
                SearchSpec s = p.spec();
                String name = s.task() + " " + s.method() + " seed " + s.seed();
                if (p.action() == Action.REUSE) {
                    out.printf("[%d/%d] %s: reusing %s%n", index, specs.size(), name, p.folder().dir());
                    continue;
                }
                String label = "[" + index + "/" + specs.size() + "] " + name;
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
                writeSummary(out, summary, done, plan.size(), "the sweep stopped on an error", shard);
                throw error;
            }
            if (done < plan.size()) {
                writeSummary(out, summary, done, plan.size(), "the sweep was interrupted", shard);
                out.printf("sweep%s interrupted after %d of %d runs; run the same command again to resume%n",
                        shard == null ? "" : " shard " + shard, done, plan.size());
                out.flush();
                return SearchCommand.INTERRUPTED;
            }
            writeSummary(out, summary, done, plan.size(), null, shard);
            return 0;
        }
    }

    /** --shard, checked against the options it cannot go with. */
    private Shard shard() {
        if (slurm.submit && shardText != null) {
            throw new CliException("--shard: with --slurm each array task runs its own shard; leave --shard out");
        }
        if (slurm.submit && summaryOnly) throw new CliException("--summary-only: not with --slurm (its merge job does that)");
        if (shardText == null) return null;
        if (summaryOnly) throw new CliException("--summary-only: summarises the whole sweep; leave --shard out");
        try {
            return Shard.parse(shardText);
        } catch (IllegalArgumentException e) {
            throw new CliException("--shard: " + e.getMessage());
        }
    }

    /** --status DIR: what the directory holds; runs nothing and takes no other option. */
    private int status(PrintWriter out) {
        if (tasks != null || slurm.submit || shardText != null || summaryOnly) {
            throw new CliException("--status: shows what a sweep's directory holds; give it alone: llmgs sweep --status DIR");
        }
        if (!Files.isDirectory(statusDir)) {
            throw new CliException("--status " + statusDir + ": " + (Files.exists(statusDir) ? "not a directory" : "no such directory"));
        }
        new SweepStatus(statusDir, new Squeue()).print(out);
        return 0;
    }

    /**
     * --summary-only: the summary of the runs finished with the same settings, in the plan's order;
     * nothing is run. Some not finished: the summary is marked partial and the command fails, naming one.
     */
    private int summarise(List<SearchSpec> specs, PrintWriter out) {
        SweepSummary summary = new SweepSummary();
        List<String> notDone = new ArrayList<>();
        for (SearchSpec s : specs) {
            RunFolder f = RunFolder.inspect(RunDirectory.path(s.out(), s.task(), s.method(), s.seed()));
            switch (f.state()) {
                case NOT_A_DIRECTORY, UNREACHABLE -> throw new CliException(f.blocker().orElseThrow());
                case FINISHED -> {
                    String difference = s.difference(f.spec());
                    if (difference != null) {
                        throw new CliException(f.dir() + " holds a run made with other settings: " + difference
                                + "; redo it with the same sweep and --overwrite, or choose another --out");
                    }
                    summary.add(f.result());
                }
                default -> notDone.add(unfinished(f));
            }
        }
        int done = specs.size() - notDone.size();
        out.printf("sweep: %d runs: %d finished, %d not; summary only (nothing is run)%n", specs.size(), done, notDone.size());
        for (String n : notDone) out.println("not finished: " + n);
        if (notDone.isEmpty()) {
            writeSummary(out, summary, done, specs.size(), null);
            return 0;
        }
        writeSummary(out, summary, done, specs.size(), notDone.size() + " not finished");
        throw new CliException(notDone.size() + " of " + specs.size() + " runs are not finished (" + notDone.get(0)
                + "); run the sweep again to complete them (with --slurm: submit it again)");
    }

    /** A run that is not finished, for messages: "DIR: not run yet", "DIR holds an interrupted run (...)". */
    private static String unfinished(RunFolder f) {
        return f.state() == RunFolder.State.ABSENT ? f.dir() + ": not run yet" : f.dir() + " holds " + f.describe();
    }

    /**
     * --slurm: plans the whole sweep as a plain sweep would (so a run made with other settings
     * stops it here, before any job), then submits the array tasks that have runs left to do and the
     * merge job. With every run finished it submits nothing and writes the summary.
     */
    private int submit(List<SearchSpec> specs, PrintWriter out) {
        Path outDir = options.out.toAbsolutePath().normalize();
        Path slurmDir = outDir.resolve("slurm");
        List<SweepJobs.Job> recorded = SweepJobs.read(slurmDir);
        if (!slurm.dryRun && !recorded.isEmpty()) {
            // a task still running holds its runs' locks; a second array over them would fail or, on a file
            // system without shared locks, run them twice
            Set<String> inQueue = new java.util.HashSet<>();
            for (Squeue.Entry e : new Squeue().entries(recorded.stream().map(SweepJobs.Job::id).toList())) inQueue.add(e.jobId());
            // in the order they were submitted (squeue sorts by its own priorities)
            List<String> queued = recorded.stream().map(SweepJobs.Job::id).filter(inQueue::contains).distinct().toList();
            if (!queued.isEmpty()) {
                throw new SlurmException("job" + (queued.size() == 1 ? " " : "s ") + String.join(", ", queued)
                        + " of this sweep " + (queued.size() == 1 ? "is" : "are") + " still queued or running; wait for "
                        + (queued.size() == 1 ? "it" : "them") + " (llmgs sweep --status " + options.out + ") or cancel "
                        + (queued.size() == 1 ? "it" : "them") + " (scancel " + String.join(" ", queued) + ")");
            }
        }
        List<Planned> plan = new ArrayList<>();
        for (SearchSpec s : specs) plan.add(plan(s));
        int shards = slurm.shards(plan.size(), options.concurrency);
        SortedSet<Integer> work = new TreeSet<>();
        List<SweepPlan.Run> runs = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            SearchSpec s = plan.get(i).spec();
            runs.add(new SweepPlan.Run(s.task(), s.method(), s.seed()));
            if (plan.get(i).action() != Action.REUSE) work.add(i % shards);
        }
        if (work.isEmpty()) {
            out.printf("sweep: all %d runs finished with the same settings; nothing to submit%n", plan.size());
            SweepSummary summary = new SweepSummary();
            for (Planned p : plan) summary.add(p.folder().result());
            writeSummary(out, summary, plan.size(), plan.size(), null);
            return 0;
        }
        long left = plan.stream().filter(p -> p.action() != Action.REUSE).count();
        SweepSubmission submission = new SweepSubmission(outDir, Path.of("").toAbsolutePath(), JavaCommand.current(),
                Main.class.getName(), taskArgs(), slurm.arrayOptions(), new SweepPlan(shards, runs), work);
        if (slurm.dryRun) {
            out.printf("sweep: %d runs, %d to do, in %d of %d array tasks (dry run: no job is submitted, no file written)%n",
                    plan.size(), left, submission.taskCount(), shards);
            out.print(submission.dryRun());
            out.flush();
            return 0;
        }
        SweepSubmission.Submitted jobs = submission.submit(new Sbatch());
        out.printf("sweep: %d runs, %d to do (%d finished, reused): submitted job array %s (tasks %s of %d, "
                        + "run i in task i mod %d) and merge job %s (after the array: writes %s)%n", plan.size(), left,
                plan.size() - left, jobs.arrayJob(), submission.arrayTasks(), shards, shards, jobs.mergeJob(),
                outDir.resolve("summary.md"));
        out.printf("output: %s/%s_<task>.out; progress: llmgs sweep --status %s%n", submission.logs(), jobs.arrayJob(),
                options.out);
        out.flush();
        if (!slurm.await) return 0;
        QueueWait.untilGone(new Squeue(), List.of(jobs.arrayJob(), jobs.mergeJob()), out, 2, 30);
        return afterWait(specs, out);
    }

    /** --wait: once the jobs have left the queue, the summary they wrote, and whether every run finished. */
    private int afterWait(List<SearchSpec> specs, PrintWriter out) {
        List<String> notDone = new ArrayList<>();
        for (SearchSpec s : specs) {
            RunFolder f = RunFolder.inspect(RunDirectory.path(s.out(), s.task(), s.method(), s.seed()));
            if (!f.finished()) notDone.add(unfinished(f));
        }
        Path md = options.out.resolve("summary.md");
        try {
            if (Files.isRegularFile(md)) out.print(Files.readString(md));
        } catch (java.io.IOException e) {
            throw new CliException("cannot read " + md + ": " + RunDirectory.reason(e));
        }
        out.flush();
        if (!notDone.isEmpty()) {
            throw new SlurmException("the jobs have ended with " + notDone.size() + " of " + specs.size()
                    + " runs not finished (" + notDone.get(0) + "); their output is in " + options.out.resolve("slurm/logs")
                    + "; submit the sweep again to complete them");
        }
        out.printf("sweep: all %d runs finished; summary in %s%n", specs.size(), md);
        out.flush();
        return 0;
    }

    /**
     * The sweep's options as given on this command line, for the array tasks and the merge job:
     * the submission's own left out, and with --cpus-per-task the cpu backend's threads set to it
     * (a node's other tasks run beside it).
     */
    private List<String> taskArgs() {
        List<String> args = new ArrayList<>();
        args.add(spec.name());
        Set<OptionSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean threads = false;
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!seen.add(o) || SlurmOptions.SUBMISSION_ONLY.contains(o.longestName())) continue;
            threads |= o.longestName().equals("--threads");
            if (o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            for (String v : o.originalStringValues()) {
                args.add(o.longestName());
                args.add(v);
            }
        }
        if (slurm.cpusPerTask != null && !threads) {
            args.add("--threads");
            args.add(Integer.toString(slurm.cpusPerTask));
        }
        return args;
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

    /**
     * Writes the summary of the finished runs; with none (a sweep stopped at once) an older summary
     * is kept. A shard's runs are a part of the sweep: their table is printed, never written over
     * the sweep's summary.
     */
    private void writeSummary(PrintWriter out, SweepSummary summary, int done, int total, String partial, Shard shard) {
        if (shard != null) {
            if (done > 0) out.print(summary.markdown(partial == null ? null : "Partial: " + done + " of " + total + " runs ("
                    + partial + ")."));
            out.printf("shard %s: %d of its %d runs finished; the sweep's summary is written over the whole directory "
                    + "(the --slurm merge job, or this sweep with --summary-only instead of --shard)%n", shard, done, total);
            out.flush();
            return;
        }
        writeSummary(out, summary, done, total, partial);
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
