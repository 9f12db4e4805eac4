package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Printer;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswersTest {

    static final String PROSE = """
            Sure! Here is a plan: walk forward, picking up markers.

            ```python
            def run():
                while frontIsClear():
                    pickMarker()
                    move()
            ```

            Converted to the DSL:

            ```
            DEF run m( WHILE c( frontIsClear c) w( pickMarker move w) m)
            ```
            This should solve most instances.
            """;

    @Test
    void proseAroundBothBlocks() {
        Answers.Outcome o = Answers.read(PROSE, PromptMode.PYTHON_TO_DSL, new Random(1));
        assertTrue(o.ok());
        assertEquals("DEF run m( WHILE c( frontIsClear c) w( pickMarker move w) m)", Printer.print(o.program()));
        assertEquals(2, o.candidates().size());
        assertTrue(o.candidates().stream().allMatch(Answers.Candidate::ok));
    }

    @Test
    void randomPickWhenBothParseAndDiffer() {
        String text = "```py\ndef run():\n    move()\n```\n```\nDEF run m( turnLeft m)\n```\n";
        Set<String> seen = new HashSet<>();
        Random r = new Random(7);
        for (int i = 0; i < 40; i++) {
            Answers.Outcome o = Answers.read(text, PromptMode.PYTHON_TO_DSL, r);
            seen.add(o.chosen() + ":" + Printer.print(o.program()));
        }
        assertEquals(Set.of("python:DEF run m( move m)", "dsl:DEF run m( turnLeft m)"), seen);
    }

    @Test
    void modesRestrictCandidates() {
        String text = "```py\ndef run():\n    move()\n```\n```\nDEF run m( turnLeft m)\n```\n";
        assertEquals("DEF run m( move m)", Printer.print(Answers.read(text, PromptMode.PYTHON, new Random()).program()));
        assertEquals("DEF run m( turnLeft m)", Printer.print(Answers.read(text, PromptMode.DSL, new Random()).program()));
    }

    @Test
    void invalidPythonButValidDslKeepsDsl() {
        String text = "```python\ndef run():\n    while True:\n        move()\n```\nDSL: `DEF run m( move m)` done.";
        Answers.Outcome o = Answers.read(text, PromptMode.PYTHON_TO_DSL, new Random());
        assertTrue(o.ok());
        assertEquals("dsl", o.chosen());
        assertEquals("2:11: 'True' is not allowed (use a perception as the condition)", o.candidates().get(0).error());
    }

    @Test
    void rejectionCarriesBothReasons() {
        String text = "```python\ndef run():\n    if frontIsClear() and leftIsClear():\n        move()\n```\n"
                + "```\nDEF run m( IF c( frontIsClear and leftIsClear c) i( move i) m)\n```";
        Answers.Outcome o = Answers.read(text, PromptMode.PYTHON_TO_DSL, new Random());
        assertFalse(o.ok());
        assertNull(o.program());
        assertTrue(o.reason().startsWith("python: 2:23: 'and' is not allowed"), o.reason());
        assertTrue(o.reason().endsWith("; dsl: 1:31: unknown token 'and'"), o.reason());
    }

    @Test
    void reasoningIsIgnored() {
        String text = "<think>Maybe DEF run m( turnLeft m) or\n```python\ndef run():\n    turnLeft()\n```\n</think>\n"
                + "```python\ndef run():\n    move()\n```\n";
        Answers.Outcome o = Answers.read(text, PromptMode.PYTHON_TO_DSL, new Random());
        assertEquals("DEF run m( move m)", Printer.print(o.program()));
        assertEquals(1, o.candidates().stream().filter(Answers.Candidate::ok).count());
    }

    @Test
    void noCodeAtAll() {
        Answers.Outcome o = Answers.read("I cannot help with that.", PromptMode.PYTHON_TO_DSL, new Random());
        assertFalse(o.ok());
        assertTrue(o.reason().contains("no Python code block"), o.reason());
        assertTrue(o.reason().contains("no DSL program"), o.reason());
        assertTrue(Answers.read("", PromptMode.PYTHON, new Random()).reason().startsWith("empty completion"));
    }

    @Test
    void unfencedPythonAndUnclosedFence() {
        String unfenced = "Here:\ndef run():\n    move()\n    turnLeft()\nThat is all.";
        assertEquals("DEF run m( move turnLeft m)",
                Printer.print(Answers.read(unfenced, PromptMode.PYTHON, new Random()).program()));
        String cut = "```python\ndef run():\n    move()\n";
        assertEquals("DEF run m( move m)", Printer.print(Answers.read(cut, PromptMode.PYTHON, new Random()).program()));
    }

    @Test
    void dslSpanStopsAtClosingBracketAndSpansLines() {
        String text = "```\nDEF run m(\n  WHILE c( frontIsClear c) w(\n    move\n  w)\nm)\n\nThis loops.\n```";
        assertEquals("DEF run m( WHILE c( frontIsClear c) w( move w) m)",
                Printer.print(Answers.read(text, PromptMode.DSL, new Random()).program()));
    }

    @Test
    void lastPythonBlockWinsAndTagsAreRecognised() {
        String text = "```python\ndef run():\n    move()\n```\nBetter:\n```Python3\ndef run():\n    turnRight()\n```";
        assertEquals("def run():\n    turnRight()\n", Answers.pythonCode(text));
        assertEquals(2, Answers.codeBlocks(text).size());
        assertEquals("python3", Answers.codeBlocks(text).get(1).language());
        assertEquals("def run():\n    move()\n", Answers.pythonCode("~~~\ndef run():\n    move()\n~~~\n"));
    }
}
