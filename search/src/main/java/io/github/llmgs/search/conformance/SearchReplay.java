package io.github.llmgs.search.conformance;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.engine.conformance.VectorFiles;
import io.github.llmgs.engine.conformance.VectorLine;
import io.github.llmgs.search.method.BatchScorer;
import io.github.llmgs.search.method.SearchListener;
import io.github.llmgs.search.method.SearchState;
import io.github.llmgs.engine.TreeWalker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reruns each search the reference recorded ({@code search.jsonl}) on a backend and compares
 * every evaluation it counts with the recorded one: the same program text and the same double.
 * A run is checked up to its first mismatch; after it the paths differ and nothing more is
 * comparable. Batch size and backend change compute, never the sequence, so any batch replays.
 */
public final class SearchReplay {
    public static final String FILE = "search.jsonl";
    /** The reference scores each program on the task's instances of seeds 0..31. */
    private static final int INSTANCES = 32;

    private final Backend backend;
    private final int batch;

    public SearchReplay(Backend backend, int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        this.backend = backend;
        this.batch = batch;
    }

    public ConformanceReport run(Path dir) {
        List<RecordedSearch> runs = new ArrayList<>();
        for (VectorLine line : VectorFiles.read(dir.resolve(FILE))) runs.add(RecordedSearch.of(line));
        ConformanceReport report = new ConformanceReport();
        for (RecordedSearch run : runs) replay(run, report);
        return report;
    }

    /** Replays one recorded search; returns the evaluations the engine made (at least the recorded ones if it matched). */
    public List<RecordedSearch.Evaluation> replay(RecordedSearch run, ConformanceReport report) {
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
        SearchState state = new SearchState(run.budget(),
                new BatchScorer(backend, run.task(), instances, batch, TreeWalker.DEFAULT_MAX_CALLS), recorder,
                () -> seen.size() >= n);
        run.search(batch).run(state);
        for (int i = 0; i < n; i++) {
            RecordedSearch.Evaluation want = run.evaluations().get(i);
            if (i >= seen.size()) {
                report.fail(FILE, run.name() + ": the engine's search ended after " + seen.size()
                        + " evaluations (best " + state.bestScore() + "); the reference recorded " + n);
                return seen;
            }
            RecordedSearch.Evaluation got = seen.get(i);
            // ==, as the search compares: every > of the reference must see the same doubles
            if (!want.program().equals(got.program()) || want.score() != got.score()) {
                report.fail(FILE, run.name() + ", evaluation " + i + " (of " + n + "; the rest of this run is not compared)"
                        + "\nreference: " + want.score() + "  " + want.program()
                        + "\nengine:    " + got.score() + "  " + got.program());
                return seen;
            }
            report.pass(FILE);
        }
        return seen;
    }
}
