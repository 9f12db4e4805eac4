package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.llm.EpisodeTrace;
import io.github.llmgs.llm.RevisionPrompts;
import io.github.llmgs.llm.RevisionVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The revision loop's accounting: every program counts, rounds stop at solved or budget, contexts come from the last round. */
class LlmRevisionTest {
    private static Node.Program repeat(int n) {
        return Parser.parse("DEF run m( REPEAT R=" + n + " r( move r) m)");
    }

    /** Scores a program by its REPEAT count / 10. */
    private static final Scorer SCORER = new Scorer() {
        @Override
        public double[] scores(List<Node.Program> programs) {
            return programs.stream().mapToDouble(p -> ((Node.Repeat) p.body()).times().value() / 10.0).toArray();
        }

        @Override
        public long computed() {
            return 0;
        }
    };

    /** Round r answers programs REPEAT r*2 .. r*2+3 (round 0: 0..3). */
    private static final class Scripted implements Reviser {
        final List<RevisionPrompts.Context> contexts = new ArrayList<>();
        boolean closed;

        private static List<Node.Program> round(int r) {
            return List.of(repeat(2 * r), repeat(2 * r + 3), repeat(2 * r + 1), repeat(2 * r + 3));
        }

        @Override
        public List<Node.Program> seeds(int count) {
            return round(0);
        }

        @Override
        public List<Node.Program> revise(int round, RevisionPrompts.Context context, int count) {
            contexts.add(context);
            return round == 2 ? List.of() : round(round);
        }

        @Override
        public String description() {
            return "scripted";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final TraceSource TRACES = p -> new EpisodeTrace(0, "", List.of(), 0, 0, 0);

    @Test
    void everyRoundIsEvaluatedAndRecorded() {
        Scripted llm = new Scripted();
        LlmRevision m = new LlmRevision(llm, TRACES, RevisionVariant.AGENT_TRACE, 3);
        SearchState state = new SearchState(1000, SCORER, SearchListener.NONE, () -> false);
        m.run(state);
        assertTrue(llm.closed);
        assertEquals(12, state.evaluated(), "rounds 0, 1 and 3 answer 4 programs; round 2 none");
        List<LlmRevision.Round> rounds = m.rounds();
        assertEquals(4, rounds.size());
        assertEquals(0.3, rounds.get(0).bestScore(), 1e-12);
        assertNull(rounds.get(2).bestScore());
        assertEquals(0.9, rounds.get(3).bestScore(), 1e-12);
        assertEquals(0.9, state.bestScore(), 1e-12);
        // round 1 saw round 0's programs as evaluated, and ranked best first (a stable sort); round 3 saw
        // round 1's, as round 2 gave none
        assertEquals(List.of(0.0, 0.3, 0.1, 0.3), llm.contexts.get(0).previous().stream().map(RevisionPrompts.Scored::score).toList());
        assertEquals(List.of(0.3, 0.3, 0.1, 0.0), llm.contexts.get(0).ranked().stream().map(RevisionPrompts.Scored::score).toList());
        assertEquals(repeat(5), llm.contexts.get(2).best());
        Map<String, Object> f = m.resultFields();
        assertEquals("agent-trace", f.get("variant"));
        assertEquals(3, f.get("rounds"));
    }

    @Test
    void stopsWhenSolvedOrOutOfBudget() {
        Scripted llm = new Scripted();
        SearchState state = new SearchState(1000, SCORER, SearchListener.NONE, () -> false);
        new LlmRevision(llm, TRACES, RevisionVariant.REGENERATION, 10).run(state);
        assertEquals(1.1, state.bestScore(), 1e-12, "round 4 reaches 1.1 with its second program and the run stops there");
        assertEquals(4 + 4 + 0 + 4 + 2, state.evaluated());

        SearchState small = new SearchState(6, SCORER, SearchListener.NONE, () -> false);
        LlmRevision m = new LlmRevision(new Scripted(), TRACES, RevisionVariant.REGENERATION, 10);
        m.run(small);
        assertEquals(6, small.evaluated());
        assertEquals(2, m.rounds().get(1).evaluated(), "the round is cut to the budget");
    }
}
