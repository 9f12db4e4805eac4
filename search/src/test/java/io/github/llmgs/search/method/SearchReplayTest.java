package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.CpuBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every recorded evaluation of the public search vectors, replayed on the cpu backend: same program, same double. */
class SearchReplayTest {

    record Evaluation(String program, double score) {}

    /** Records what the search scores; with batch 1 every scored program is a counted evaluation. */
    static final class Recording implements Scorer {
        final Scorer inner;
        final List<Evaluation> seen = new ArrayList<>();

        Recording(Scorer inner) {
            this.inner = inner;
        }

        @Override
        public double[] scores(List<Node.Program> programs) {
            double[] s = inner.scores(programs);
            for (int i = 0; i < s.length; i++) seen.add(new Evaluation(Printer.print(programs.get(i)), s[i]));
            return s;
        }

        @Override
        public long computed() {
            return inner.computed();
        }
    }

    static SearchMethod method(JsonNode run) {
        long seed = run.get("seed").asLong();
        long budget = run.get("budget").asLong();
        return switch (run.get("method").asText()) {
            case "hc" -> HillClimbing.hc(run.get("k").asInt(), seed, 1);
            case "shc" -> HillClimbing.shc(new Schedule(run.get("k_start").asInt(), run.get("k_end").asInt(), budget), seed, 1);
            default -> {
                List<Node.Program> seeds = new ArrayList<>();
                for (JsonNode p : run.get("seed_programs")) seeds.add(Parser.parse(p.asText()));
                SeedSource source = new SeedSource() {
                    public List<Node.Program> seeds(int count) { return seeds; }
                    public String description() { return "recorded"; }
                };
                yield new LlmGuidedSearch(source,
                        new Schedule(run.get("k_start").asInt(), run.get("k_end").asInt(), budget), seed, 1);
            }
        };
    }

    @Test
    void everyRecordedEvaluationReplays() throws Exception {
        int checked = 0;
        try (Backend backend = new CpuBackend(2)) {
            for (JsonNode run : ReferenceDrawTest.runs()) {
                Task task = Tasks.byName(run.get("task").asText());
                int n = run.get("n").asInt();
                Recording scorer = new Recording(new BatchScorer(backend, task, SearchDeterminismTest.instances(task), 1,
                        TreeWalker.DEFAULT_MAX_CALLS));
                SearchState state = new SearchState(run.get("budget").asLong(), scorer, SearchListener.NONE,
                        () -> scorer.seen.size() >= n);
                method(run).run(state);
                String name = run.get("task").asText() + " " + run.get("method").asText() + " seed " + run.get("seed");
                JsonNode evals = run.get("evaluations");
                assertEquals(n, Math.min(n, scorer.seen.size()), name + ": evaluations made");
                for (int i = 0; i < n; i++) {
                    Evaluation got = scorer.seen.get(i);
                    assertEquals(evals.get(i).get(0).asText(), got.program(), name + " evaluation " + i);
                    assertEquals(evals.get(i).get(1).asDouble(), got.score(), 0.0, name + " evaluation " + i);
                    checked++;
                }
            }
        }
        assertEquals(5174, checked);
    }

    @Test
    void shcOnFourCornersSeed0ReachesTheReferencesResult() {
        // the check: the reference's own run, best 1.0 first reached after 631 programs
        try (Backend backend = new CpuBackend(2)) {
            Task task = Tasks.byName("FourCorners");
            SearchState state = new SearchState(5000, new BatchScorer(backend, task, SearchDeterminismTest.instances(task), 64,
                    TreeWalker.DEFAULT_MAX_CALLS), SearchListener.NONE, () -> false);
            HillClimbing.shc(Schedule.paper(5000), 0, 64).run(state);
            assertEquals(1.0, state.bestScore());
            assertEquals(631, state.bestFoundAt());
        }
    }
}
