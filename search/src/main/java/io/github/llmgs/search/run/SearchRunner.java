package io.github.llmgs.search.run;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.search.method.BatchScorer;
import io.github.llmgs.search.method.HillClimbing;
import io.github.llmgs.search.method.KarelTraces;
import io.github.llmgs.search.method.LlmGuidedSearch;
import io.github.llmgs.search.method.LlmRevision;
import io.github.llmgs.search.method.MiniGridTraces;
import io.github.llmgs.search.method.Reviser;
import io.github.llmgs.search.method.TraceSource;
import io.github.llmgs.search.method.RandomSearch;
import io.github.llmgs.search.method.Schedule;
import io.github.llmgs.search.method.SearchListener;
import io.github.llmgs.search.method.SearchMethod;
import io.github.llmgs.search.method.SearchState;
import io.github.llmgs.search.method.SeedSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one search end to end on an open backend: claims the run directory, runs the method with
 * live progress, and writes result.json, curve.csv and events.jsonl. Ctrl-C stops the search
 * after the batch in flight and still writes the partial result.
 */
public final class SearchRunner {
    private final PrintStream out;
    private final boolean terminal;
    private final double progressSeconds;

    public SearchRunner(PrintStream out, boolean terminal, double progressSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.progressSeconds = progressSeconds;
    }

    /**
     * @param backend an open Karel backend (a sweep shares one across its runs); not closed here
     * @param miniGridBackend the same for MiniGrid tasks (null when the run is Karel's)
     * @param batcher the engine the run shares with concurrent runs (its calls merge with theirs)
     * @param seeds   for llm-gs: makes the seed source given the run directory (where an LLM
     *                writes llm.jsonl); it may also report extra result fields through {@code llmFields}
     * @param refusal whether what the run directory holds may be replaced (see {@link RunDirectory#claim})
     * @param stop    Ctrl-C and SIGTERM: the search ends after its batch in flight, an LLM request
     *                in flight is cancelled, and the partial result is written as {@code interrupted}
     */
    public SearchOutcome run(SearchSpec spec, Backend backend, MiniGridEpisodes miniGridBackend, Batcher batcher,
                             Function<RunDirectory, SeedSource> seeds,
                             Map<String, Object> llmFields, Function<RunFolder, Optional<String>> refusal,
                             StopSignal stop) {
        Optional<MiniGridTask> miniGrid = MiniGridTasks.find(spec.task());
        String taskName = miniGrid.map(MiniGridTask::name).orElseGet(() -> Tasks.byName(spec.task()).name());
        RunDirectory dir = RunDirectory.claim(RunDirectory.path(spec.out(), taskName, spec.method(), spec.seed()),
                refusal);
        Runnable cancel = null;
        MiniGridEpisodes oracle = miniGrid.isPresent() ? miniGridBackend : null;
        try (dir; Batcher.Member engine = batcher.join()) {
            String backendName = oracle == null ? backend.name() : oracle.name();
            String device = oracle == null ? backend.device() : oracle.device();
            Grammar grammar = new Grammar(oracle == null ? Domains.KAREL : Domains.MINIGRID);
            SearchListener events = dir::event;
            ProgressPrinter progress = new ProgressPrinter(out, terminal, progressSeconds, events);
            long[] instanceSeeds = spec.instanceSeeds();
            // the lane names everything a score depends on, so runs that share it share calls
            Object lane = List.of(taskName, io.github.llmgs.search.config.Seeds.format(instanceSeeds), spec.maxCalls());
            BatchScorer.Evaluator evaluator = oracle != null
                    ? BatchScorer.miniGrid(oracle, miniGrid.get(), instanceSeeds, spec.maxCalls())
                    : BatchScorer.karel(backend, Tasks.byName(taskName), karelInstances(taskName, spec), spec.maxCalls());
            BatchScorer scorer = new BatchScorer(engine.lane(lane, instanceSeeds.length, evaluator), spec.batch());
            SearchState state = new SearchState(spec.budget(), scorer, progress, stop::stopped);
            SeedSource seedSource = seeds == null ? null : AwaySeeds.of(seeds.apply(dir), engine);
            if (seedSource != null) {
                cancel = seedSource::cancel;
                stop.onStop(cancel);
            }
            TraceSource traces = !SearchSpec.isRevision(spec.method()) ? null : oracle != null ? new MiniGridTraces(miniGrid.get(), instanceSeeds, spec.maxCalls())
                    : new KarelTraces(Tasks.byName(taskName), karelInstances(taskName, spec), spec.maxCalls());
            SearchMethod method = method(spec, seedSource, grammar, traces);
            out.println("method: " + method.name() + ", seeding: " + method.seeding() + ", budget "
                    + String.format("%,d", spec.budget()) + ", output " + dir.dir());
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("task", taskName);
            start.put("method", method.name());
            start.put("seed", spec.seed());
            start.put("budget", spec.budget());
            start.put("backend", backendName);
            start.put("device", device);
            start.put("seeding", method.seeding());
            start.put("spec", spec.determinants());
            start.put("spec_digest", spec.digest());
            dir.event("start", start);
            String status;
            try {
                method.run(state);
                status = state.cancelled() ? "interrupted" : state.bestScore() >= SearchState.SOLVED ? "solved" : "budget";
            } catch (RuntimeException e) {
                if (!stop.stopped()) {
                    status = "failed: " + oneLine(e);
                    writeResults(dir, spec, taskName, backendName, device, method, state, scorer, status, llmFields,
                            engine);
                    throw e;
                }
                status = "interrupted"; // the stop cancelled a wait (an LLM request) mid-way
            }
            progress.finish(state);
            Map<String, Object> result = writeResults(dir, spec, taskName, backendName, device, method, state, scorer,
                    status, llmFields, engine);
            return new SearchOutcome(dir.dir(), result);
        } finally {
            if (cancel != null) stop.forget(cancel);
        }
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return m.strip().lines().findFirst().orElse(m);
    }

    private static List<TaskInstance> karelInstances(String taskName, SearchSpec spec) {
        Task task = Tasks.byName(taskName);
        List<TaskInstance> instances = new ArrayList<>();
        for (long s : spec.instanceSeeds()) instances.add(task.generate((int) s));
        return instances;
    }

    private static SearchMethod method(SearchSpec spec, SeedSource seeds, Grammar grammar, TraceSource traces) {
        if (SearchSpec.isRevision(spec.method())) {
            if (!(seeds instanceof Reviser reviser)) {
                throw new IllegalArgumentException(spec.method() + " needs an LLM (or a replayed llm.jsonl) to revise its programs");
            }
            return new LlmRevision(reviser, traces, SearchSpec.revision(spec.method()), spec.rounds());
        }
        Schedule schedule = new Schedule(spec.shcKStart(), spec.shcKEnd(), spec.budget());
        return switch (spec.method()) {
            case "hc" -> HillClimbing.hc(spec.hcK(), spec.seed(), spec.batch(), grammar);
            case "shc" -> HillClimbing.shc(schedule, spec.seed(), spec.batch(), grammar);
            case "random" -> new RandomSearch(spec.seed(), spec.batch(), grammar);
            case "llm-gs" -> new LlmGuidedSearch(seeds, schedule, spec.seed(), spec.batch(), grammar);
            default -> throw new IllegalArgumentException("unknown method " + spec.method());
        };
    }

    private static Map<String, Object> writeResults(RunDirectory dir, SearchSpec spec, String taskName, String backendName,
                                                    String device, SearchMethod method, SearchState state,
                                                    BatchScorer scorer, String status, Map<String, Object> llmFields,
                                                    Batcher.Member engine) {
        double wall = state.elapsedSeconds();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("budget", spec.budget());
        config.put("batch", spec.batch());
        config.put("hc_k", spec.hcK());
        config.put("shc_k_start", spec.shcKStart());
        config.put("shc_k_end", spec.shcKEnd());
        config.put("max_calls", spec.maxCalls());
        config.put("instance_seeds", io.github.llmgs.search.config.Seeds.format(spec.instanceSeeds()));
        config.put("threads", spec.backendOptions().threads());
        config.put("device", spec.backendOptions().device());
        config.putAll(spec.extra());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("task", taskName);
        r.put("method", method.name());
        r.put("seed", spec.seed());
        r.put("status", status);
        r.put("spec", spec.determinants());
        r.put("spec_digest", spec.digest());
        r.put("config", config);
        r.put("seeding", method.seeding());
        r.put("best_program", state.best() == null ? null : Printer.print(state.best()));
        r.put("best_score", state.best() == null ? null : state.bestScore());
        r.put("best_found_at", state.bestFoundAt());
        r.put("programs_evaluated", state.evaluated());
        r.put("raw_evaluations", state.raw());
        r.put("programs_computed", scorer.computed());
        // fewer than programs_computed x instances when thresholds stopped losing neighbours early
        if (scorer.episodes() >= 0) r.put("episodes_computed", scorer.episodes());
        r.put("wall_seconds", wall);
        r.put("backend", backendName);
        r.put("device", device);
        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("programs_evaluated_per_s", state.evaluated() / Math.max(wall, 1e-9));
        throughput.put("raw_evaluations_per_s", state.raw() / Math.max(wall, 1e-9));
        r.put("throughput", throughput);
        r.put("engine", engine.metrics());
        if (llmFields != null && !llmFields.isEmpty()) r.put("llm", new LinkedHashMap<>(llmFields));
        Map<String, Object> own = method.resultFields();
        if (!own.isEmpty()) r.put("revision", own);
        dir.writeCurve(state);
        dir.writeResult(r);
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("status", status);
        end.put("best_score", r.get("best_score"));
        end.put("programs_evaluated", state.evaluated());
        dir.event("end", end);
        return r;
    }
}
