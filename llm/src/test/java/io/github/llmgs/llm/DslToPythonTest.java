package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.llm.minigrid.MiniGridPrompts;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The DSL -> Python printer is PythonToDsl's inverse, and its line counts are where statements start. */
class DslToPythonTest {
    @Test
    void printsThePromptsExampleAsWritten() {
        assertEquals(Prompts.examplePython(), DslToPython.print(Parser.parse(Prompts.EXAMPLE_DSL)));
        assertEquals(MiniGridPrompts.EXAMPLE_PYTHON,
                DslToPython.print(Parser.parse(MiniGridPrompts.EXAMPLE_DSL, Domains.MINIGRID)));
    }

    @Test
    void randomProgramsOfBothDomainsComeBackFromTheirPython() {
        for (Vocabulary v : List.of(Domains.KAREL, Domains.MINIGRID)) {
            Grammar grammar = new Grammar(v);
            Random rng = new Random(7);
            for (int i = 0; i < 2000; i++) {
                Node.Program p = grammar.randomProgram(rng);
                String python = DslToPython.print(p);
                assertEquals(Printer.print(p), Printer.print(PythonToDsl.convert(python, v)), python);
            }
        }
    }

    @Test
    void heightIsTheLinesAStatementPrintsTo() {
        Grammar grammar = new Grammar();
        Random rng = new Random(11);
        for (int i = 0; i < 500; i++) {
            Node.Program p = grammar.randomProgram(rng);
            assertEquals(DslToPython.lines(p).size(), 1 + DslToPython.height(p.body()), Printer.print(p));
        }
    }
}
