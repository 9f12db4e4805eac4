package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.batch.BatchResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorer's side of a climbing step: parts after the first program above the threshold are never sent. */
class BatchScorerTest {
    /** Program {@code i} scores i (its REPEAT count), and every call is logged. */
    private static List<Node.Program> programs(int count) {
        List<Node.Program> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(Parser.parse("DEF run m( REPEAT R=" + i + " r( move r) m)"));
        return out;
    }

    private static double score(Node.Program p) {
        String text = Printer.print(p);
        return Integer.parseInt(text.replaceAll(".*R=(\\d+).*", "$1"));
    }

    /** Scores each program by its REPEAT count and logs each call's size. */
    private static BatchScorer.Evaluator logging(List<Integer> calls) {
        return programs -> {
            calls.add(programs.size());
            return programs.stream().mapToDouble(BatchScorerTest::score).toArray();
        };
    }

    @Test
    void partsAfterTheFirstProgramAboveTheThresholdAreSkippedAndNotRemembered() {
        List<Integer> calls = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        BatchScorer.Evaluator logged = logging(calls);
        BatchScorer.Evaluator engine = new BatchScorer.Evaluator() {
            @Override
            public double[] means(List<Node.Program> programs) {
                return logged.means(programs);
            }

            @Override
            public BatchScorer.Scored means(List<Node.Program> programs, double[] thresholds, int[] g) {
                groups.add(g);
                return new BatchScorer.Scored(means(programs), null);
            }
        };
        BatchScorer scorer = new BatchScorer(engine, 3);
        List<Node.Program> step = programs(10);
        // scores 0..9 against 3.5: the first above is program 4, in the second part of three
        double[] s = scorer.scores(step, 3.5);
        assertEquals(List.of(3, 3), calls, "the parts after the one with program 4 are not sent");
        for (int i = 0; i < 6; i++) assertEquals(i, s[i], 0.0, "program " + i);
        for (int i = 6; i < 10; i++) assertTrue(BatchResult.skipped(s[i]), "program " + i + ": " + s[i]);
        assertEquals(6, scorer.computed());
        for (int[] g : groups) assertEquals(0, java.util.Arrays.stream(g).max().getAsInt(), "each part one step");
        // a skipped program was not scored, so it is not remembered: asked again, it is sent
        double[] again = scorer.scores(step);
        for (int i = 0; i < 10; i++) assertEquals(i, again[i], 0.0, "program " + i);
        assertEquals(List.of(3, 3, 3, 1), calls, "only the four skipped ones are sent");
    }

    @Test
    void withoutThresholdsEveryPartIsSent() {
        List<Integer> calls = new ArrayList<>();
        BatchScorer scorer = new BatchScorer(logging(calls), 3, false);
        double[] s = scorer.scores(programs(10), 3.5);
        assertEquals(List.of(3, 3, 3, 1), calls);
        for (int i = 0; i < 10; i++) assertEquals(i, s[i], 0.0);
    }

    @Test
    void knownScoresAreNotSentAndCoverageIsAskedOnlyWhenOn() {
        List<Integer> calls = new ArrayList<>();
        BatchScorer.Evaluator logged = logging(calls);
        BatchScorer.Evaluator engine = new BatchScorer.Evaluator() {
            @Override
            public double[] means(List<Node.Program> programs) {
                return logged.means(programs);
            }

            @Override
            public boolean[] reached(Node.Program program) {
                return new boolean[] {true};
            }
        };
        BatchScorer scorer = new BatchScorer(engine, 8, false);
        double[] known = {Double.NaN, 1, Double.NaN, 3, Double.NaN};
        double[] s = scorer.scores(programs(5), 10, known);
        for (int i = 0; i < 5; i++) assertEquals(i, s[i], 0.0);
        assertEquals(List.of(3), calls, "programs 1 and 3 were known");
        assertEquals(3, scorer.computed());
        assertEquals(1, scorer.reached(programs(1).get(0)).length);
        assertEquals(null, new BatchScorer(engine, 8, false, false).reached(programs(1).get(0)), "coverage off");
    }
}
