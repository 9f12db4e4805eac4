package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.RandomState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar and the mutation on the reference's stream, against the public search vectors' first draws. */
class ReferenceDrawTest {

    /** The public search vectors (search.jsonl, from the engine's test resources). */
    static List<JsonNode> runs() throws Exception {
        return io.github.llmgs.engine.SearchScoresTest.runs();
    }

    @Test
    void theFirstRandomProgramOfEachClimbingRunIsTheReferences() throws Exception {
        Grammar grammar = new Grammar();
        for (JsonNode run : runs()) {
            if (run.get("method").asText().equals("llm-gs")) continue;
            RandomState stream = SearchStream.of(run.get("seed").asLong());
            assertEquals(run.get("evaluations").get(0).get(0).asText(), Printer.print(grammar.randomProgram(stream)),
                    run.get("task").asText());
        }
    }

    @Test
    void theFirstNeighboursOfAnLlmGsRunAreTheReferences() throws Exception {
        Mutator mutator = new Mutator(new Grammar());
        for (JsonNode run : runs()) {
            if (!run.get("method").asText().equals("llm-gs")) continue;
            RandomState stream = SearchStream.of(run.get("seed").asLong());
            int seeds = run.get("seed_programs").size();
            JsonNode evals = run.get("evaluations");
            // the best seed program (stable sort) is climbed first: its re-evaluation, then its neighbours
            Node.Program start = Parser.parse(evals.get(seeds).get(0).asText());
            for (int i = 1; i <= 3; i++) {
                assertEquals(evals.get(seeds + i).get(0).asText(), Printer.print(mutator.mutate(start, stream)), "neighbour " + i);
            }
        }
    }
}
