package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each revision variant's prompt carries (spec/llm.md, "Revision variants"). */
class RevisionPromptsTest {
    private static final Node.Program A = Parser.parse("DEF run m( WHILE c( frontIsClear c) w( move w) turnLeft m)");
    private static final Node.Program B = Parser.parse("DEF run m( REPEAT R=2 r( putMarker r) m)");
    /** As evaluated: B first, so regeneration lists B first and with-reward A (the better) first. */
    private static final List<RevisionPrompts.Scored> PREVIOUS = List.of(new RevisionPrompts.Scored(B, 0.25),
            new RevisionPrompts.Scored(A, 0.75), new RevisionPrompts.Scored(B, 0.25), new RevisionPrompts.Scored(A, 0.75));

    private static EpisodeTrace trace(int steps, int total) {
        List<EpisodeTrace.Step> s = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            s.add(i % 2 == 0 ? new EpisodeTrace.Step(false, "frontIsClear()", true, "(0, 0) wall", 0, 2)
                    : new EpisodeTrace.Step(true, "move", null, "(0, 0) empty", i == 1 ? 0.5 : 0, 3));
        }
        return new EpisodeTrace(4, "##\n#>\n", s, total, -1, 0.75);
    }

    @Test
    void regenerationNumbersTheDistinctProgramsWithoutScores() {
        String c = RevisionPrompts.context(new RevisionPrompts.Context(RevisionVariant.REGENERATION, PREVIOUS, null));
        assertTrue(c.contains("Program 1:\n```python\n" + DslToPython.print(B) + "```"), c);
        assertTrue(c.contains("Program 2:\n```python\n" + DslToPython.print(A) + "```"), c);
        assertFalse(c.contains("Program 3"), c);
        assertFalse(c.contains("score"), c);
    }

    @Test
    void withRewardGivesEachDistinctProgramItsScoreBestFirst() {
        String c = RevisionPrompts.context(new RevisionPrompts.Context(RevisionVariant.REGENERATION_WITH_REWARD, PREVIOUS, null));
        assertTrue(c.indexOf("Program 1 (score 0.75):\n```python\n" + DslToPython.print(A)) >= 0, c);
        assertTrue(c.indexOf("Program 2 (score 0.25):\n```python\n" + DslToPython.print(B)) > c.indexOf("Program 1"), c);
        assertFalse(c.contains("Program 3"), c);
    }

    @Test
    void agentTraceShowsStepsViewsRewardsAndTheCut() {
        String c = RevisionPrompts.context(new RevisionPrompts.Context(RevisionVariant.AGENT_TRACE, PREVIOUS, trace(50, 230)));
        assertTrue(c.contains("mean score of 0.75") && c.contains("instance 4, with a return of -1"), c);
        assertTrue(c.contains("the first 50 of its 230 steps"), c);
        assertTrue(c.contains("Initial state:\n##\n#>\n"), c);
        assertTrue(c.contains("Step 1: perception frontIsClear() is true\nAfter it: (0, 0) wall\n"), c);
        assertTrue(c.contains("Step 2: action move, reward 0.5\n"), c);
        assertTrue(c.contains("Step 4: action move\n"), c);
        assertFalse(c.contains("Step 51"), c);
        assertFalse(c.contains("```"), "no program in the plain trace\n" + c);
    }

    @Test
    void agentProgramTraceMarksTheLineOfEachStep() {
        String c = RevisionPrompts.context(new RevisionPrompts.Context(RevisionVariant.AGENT_PROGRAM_TRACE, PREVIOUS, trace(2, 2)));
        assertTrue(c.contains("(all 2 steps)"), c);
        String step1 = "Step 1: perception frontIsClear() is true\n```python\n   def run():\n>>     while frontIsClear():\n"
                + "           move()\n       turnLeft()\n```\n";
        assertTrue(c.contains(step1), c);
        String step2 = "Step 2: action move, reward 0.5\n```python\n   def run():\n       while frontIsClear():\n"
                + ">>         move()\n       turnLeft()\n```\n";
        assertTrue(c.contains(step2), c);
    }

    @Test
    void theRevisionPromptIsTheTaskThenTheContext() {
        List<ChatMessage> m = RevisionPrompts.forRevision("DoorKey", PromptMode.PYTHON_TO_DSL,
                new RevisionPrompts.Context(RevisionVariant.REGENERATION, PREVIOUS, null));
        List<ChatMessage> first = Prompts.forTask("DoorKey", PromptMode.PYTHON_TO_DSL);
        assertEquals(first.get(0), m.get(0));
        assertTrue(m.get(1).content().startsWith(first.get(1).content()));
        assertTrue(m.get(1).content().endsWith("Write one better program for this task, in the same answer format as asked above.\n"));
    }

    @Test
    void traceVariantsNeedATrace() {
        assertThrows(IllegalArgumentException.class,
                () -> new RevisionPrompts.Context(RevisionVariant.AGENT_TRACE, PREVIOUS, null));
        assertEquals(RevisionVariant.AGENT_PROGRAM_TRACE, RevisionVariant.fromString("Agent-Program-Trace"));
        assertThrows(IllegalArgumentException.class, () -> RevisionVariant.fromString("trace"));
    }
}
