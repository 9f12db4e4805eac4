package io.github.llmgs.search.conformance;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.engine.conformance.VectorFiles;
import io.github.llmgs.engine.conformance.VectorLine;
import io.github.llmgs.search.method.BatchScorer;
import io.github.llmgs.search.run.Batcher;
import io.github.llmgs.search.method.SearchListener;
import io.github.llmgs.search.method.SearchState;
import io.github.llmgs.engine.TreeWalker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reruns each search the reference recorded ({@code search.jsonl}) on a backend and compares
 * every evaluation it counts with the recorded one: the same program text and the same double.
 * A run is checked up to its first mismatch; after it the paths differ and nothing more is
 * comparable. Batch size, backend and how many searches share the engine at once change compute,
 * never the sequence, so any of them replays.
 */
public final class SearchReplay {
    public static final String FILE = "search.jsonl";
    /** The reference scores each program on the task's instances of seeds 0..31. */
    private static final int INSTANCES = 32;

    private final Backend backend;
    private final int batch;
    private final int concurrency;

    /** @param concurrency how many recorded searches run at once, sharing the engine (1: one after another) */
    public SearchReplay(Backend backend, int batch, int concurrency) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        this.backend = backend;
        this.batch = batch;
        this.concurrency = concurrency;
    }

    /** How one recorded search replayed: the evaluations that matched, then the first mismatch if any. */
    public record Replayed(RecordedSearch run, int matched, String mismatch) {}

    public ConformanceReport run(Path dir) {
        List<RecordedSearch> runs = new ArrayList<>();
        for (VectorLine line : VectorFiles.read(dir.resolve(FILE))) runs.add(RecordedSearch.of(line));
        List<Replayed> replayed = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, runs.size())));
        try (Batcher batcher = new Batcher(backend.pairsPerCall())) {
            List<Future<Replayed>> futures = new ArrayList<>();
            for (RecordedSearch run : runs) futures.add(threads.submit(() -> replay(run, batcher)));
            for (Future<Replayed> f : futures) replayed.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying searches", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
        ConformanceReport report = new ConformanceReport();
        for (Replayed r : replayed) {
            for (int i = 0; i < r.matched(); i++) report.pass(FILE);
            if (r.mismatch() != null) report.fail(FILE, r.mismatch());
        }
        return report;
    }

    /** Replays one recorded search on the shared engine and compares it up to its first mismatch. */
    public Replayed replay(RecordedSearch run, Batcher batcher) {
        List<TaskInstance> instances = new ArrayList<>(INSTANCES);
        for (int s = 0; s < INSTANCES; s++) instances.add(run.task().generate(s));
        List<RecordedSearch.Evaluation> seen = new ArrayList<>();
        int n = run.evaluations().size();
        SearchListener recorder = new SearchListener() {
            @Override
            public void event(String type, Map<String, Object> fields) {}

            @Override
            public void evaluated(long index, Node.Program program, double score) {
                if (seen.size() < n) seen.add(new RecordedSearch.Evaluation(Printer.print(program), score));
            }
        };
        SearchState state;
        try (Batcher.Member engine = batcher.join()) {
            BatchScorer.Evaluator evaluator = engine.lane(run.task().name(), INSTANCES,
                    BatchScorer.karel(backend, run.task(), instances, TreeWalker.DEFAULT_MAX_CALLS));
            state = new SearchState(run.budget(), new BatchScorer(evaluator, batch, false), recorder, () -> seen.size() >= n);
            run.search(batch).run(state);
        }
        for (int i = 0; i < n; i++) {
            RecordedSearch.Evaluation want = run.evaluations().get(i);
            if (i >= seen.size()) {
                return new Replayed(run, i, run.name() + ": the engine's search ended after " + seen.size()
                        + " evaluations (best " + state.bestScore() + "); the reference recorded " + n);
            }
            RecordedSearch.Evaluation got = seen.get(i);
            // ==, as the search compares: every > of the reference must see the same doubles
            if (!want.program().equals(got.program()) || want.score() != got.score()) {
                return new Replayed(run, i, run.name() + ", evaluation " + i + " (of " + n
                        + "; the rest of this run is not compared)"
                        + "\nreference: " + want.score() + "  " + want.program()
                        + "\nengine:    " + got.score() + "  " + got.program());
            }
        }
        return new Replayed(run, n, null);
    }
}
