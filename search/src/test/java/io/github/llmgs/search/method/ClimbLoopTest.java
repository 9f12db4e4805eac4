package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loops of spec/search.md section 6 that the recorded searches never reach: the 10,000-step
 * cap of a climb, the budget checked only between climbs, a seed program reaching 1.0, and
 * LLM-GS's second pass over its seed programs. Scores come from a stand-in scorer, so each test
 * decides exactly which neighbour is better.
 * Without the step cap a climb here never ends: the timeout turns that into a failure.
 */
@Timeout(60)
class ClimbLoopTest {
    private static final String A = "DEF run m( move m)";
    private static final String B = "DEF run m( turnLeft m)";

    /** Scores each program with {@code score} and logs what the search counts, in order. */
    private static final class Stand implements Scorer, SearchListener {
        final ToDoubleFunction<String> score;
        final List<String> counted = new ArrayList<>();
        /** The programs scored alone: a climb's start (neighbours and seeds go in batches of k and of the seeds). */
        final List<String> alone = new ArrayList<>();
        long computed;

        Stand(ToDoubleFunction<String> score) {
            this.score = score;
        }

        @Override
        public double[] scores(List<Node.Program> programs) {
            computed += programs.size();
            if (programs.size() == 1) alone.add(Printer.print(programs.get(0)));
            return programs.stream().mapToDouble(p -> score.applyAsDouble(Printer.print(p))).toArray();
        }

        @Override
        public long computed() {
            return computed;
        }

        @Override
        public void event(String type, Map<String, Object> fields) {}

        @Override
        public void evaluated(long index, Node.Program program, double s) {
            counted.add(Printer.print(program));
        }

        SearchState run(long budget, SearchMethod method) {
            SearchState state = new SearchState(budget, this, this, () -> false);
            method.run(state);
            return state;
        }
    }

    /** Every program scored better than the one before: each climb only stops at its step cap. */
    private static Stand alwaysBetter() {
        long[] n = {0};
        return new Stand(p -> ++n[0] * 1e-7);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aClimbEndsAfter10000Steps(int k) {
        // the start program, then one counted neighbour per step (the first of k is better)
        SearchState state = alwaysBetter().run(5_000, HillClimbing.hc(k, 7, 64));
        assertEquals(10_001, state.evaluated(), "one climb, run to its cap past the budget");
    }

    @Test
    void theBudgetIsCheckedBetweenClimbs() {
        assertEquals(10_001, alwaysBetter().run(10_001, HillClimbing.hc(2, 7, 64)).evaluated());
        assertEquals(20_002, alwaysBetter().run(10_002, HillClimbing.hc(2, 7, 64)).evaluated(),
                "a second climb starts below the budget and runs to its end");
    }

    @Test
    void aSeedProgramReaching1EndsTheRunAtOnce() {
        Stand stand = new Stand(p -> p.equals(A) ? 1.0 : 0.0);
        SearchState state = stand.run(1_000, llmGs(List.of(B, A, B), 4));
        assertEquals(List.of(B, A), stand.counted, "the seeds after it are not evaluated");
        assertEquals(1.0, state.bestScore());
        assertEquals(2, state.bestFoundAt());
    }

    @Test
    void everyPassClimbsFromTheSortedSeedProgramsThemselves() {
        // A 0.5, B 0.7, any other program 0.75: each climb moves up once, then finds nothing better
        Stand stand = new Stand(p -> p.equals(A) ? 0.5 : p.equals(B) ? 0.7 : 0.75);
        SearchState state = stand.run(40, llmGs(List.of(A, B), 4));
        assertEquals(List.of(A, B), stand.counted.subList(0, 2), "the seeds in order");
        assertEquals(List.of(B, A, B, A), stand.alone.subList(0, 4),
                "best seed first, and the second pass starts again from the seeds, not from where the climbs ended");
        assertEquals(0.75, state.bestScore());
    }

    @Test
    void equalSeedScoresKeepTheSeedsOrder() {
        Stand stand = new Stand(p -> p.equals(A) || p.equals(B) ? 0.5 : 0.0);
        stand.run(20, llmGs(List.of(B, A), 2));
        assertEquals(List.of(B, A), stand.counted.subList(0, 2));
        assertEquals(List.of(B, A, B), stand.alone.subList(0, 3), "a stable sort: B stays before A");
    }

    private static LlmGuidedSearch llmGs(List<String> seeds, int k) {
        List<Node.Program> programs = seeds.stream().map(Parser::parse).toList();
        return new LlmGuidedSearch(SeedSource.of(programs, "test seeds"), new Schedule(k, k, 1_000_000), 3, 64);
    }
}
