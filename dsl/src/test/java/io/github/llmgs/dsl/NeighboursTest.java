package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A step's neighbours are checked against the limits without building their trees, and built
 * only when read: the check must agree with {@link Limits#withinLimits} on the built tree, and the
 * list must equal one-at-a-time mutation from the same stream.
 */
class NeighboursTest {
    @Test
    void theLimitsTakenApartAgreeWithTheLimitsOfTheBuiltTree() {
        Grammar grammar = new Grammar();
        Mutator mutator = new Mutator(grammar);
        SplittableRandom rng = new SplittableRandom(16);
        Draws draws = Draws.of(rng);
        int over = 0;
        int checked = 0;
        Node.Program program = grammar.randomProgram(rng);
        for (int n = 0; n < 3000; n++) {
            program = n % 10 == 0 ? grammar.randomProgram(rng) : mutator.mutate(program, rng);
            for (int s = 0; s < Mutator.siteCount(program); s++) {
                for (int d = 0; d < 4; d++) {
                    Node fresh = grammar.replacement(Mutator.slotAt(program, s), Mutator.heightAt(program, s), draws);
                    Node.Program built = Mutator.replaceAt(program, s, fresh);
                    boolean within = Limits.withinLimits(built);
                    if (!within) over++;
                    checked++;
                    assertEquals(within, Mutator.withinLimitsApart(program, s, fresh),
                            Printer.print(program) + " site " + s + " -> " + Printer.print(built));
                }
            }
        }
        // both answers are exercised, and programs beyond the limits (as an LLM may write) too
        Node.Program beyond = Parser.parse("DEF run m( IF c( frontIsClear c) i( move move move move move move move i) "
                + "IF c( leftIsClear c) i( pickMarker move move move move move move i) m)");
        for (int s = 0; s < Mutator.siteCount(beyond); s++) {
            for (int d = 0; d < 20; d++) {
                Node fresh = grammar.replacement(Mutator.slotAt(beyond, s), Mutator.heightAt(beyond, s), draws);
                assertEquals(Limits.withinLimits(Mutator.replaceAt(beyond, s, fresh)), Mutator.withinLimitsApart(beyond, s, fresh),
                        "site " + s + " -> " + Printer.print(fresh));
            }
        }
        assertEquals(true, over > 1000 && over < checked - 1000, over + " of " + checked + " over the limits");
    }

    @Test
    void aNeighbourhoodIsTheSameDrawsAsOneMutationAfterAnother() {
        Grammar grammar = new Grammar();
        Mutator mutator = new Mutator(grammar);
        SplittableRandom programs = new SplittableRandom(7);
        for (int n = 0; n < 300; n++) {
            Node.Program program = grammar.randomProgram(programs);
            long seed = programs.nextLong();
            Draws a = Draws.of(new SplittableRandom(seed));
            Draws b = Draws.of(new SplittableRandom(seed));
            List<Node.Program> lazy = mutator.neighbours(program, 64, a);
            List<Node.Program> eager = new ArrayList<>();
            for (int i = 0; i < 64; i++) eager.add(mutator.mutate(program, b));
            // read out of order: a neighbour built late is the same one
            assertEquals(eager.get(40), lazy.get(40));
            assertEquals(eager, lazy);
            assertEquals(a.randint(1000), b.randint(1000), "both streams are at the same place after the step");
        }
    }

    @Test
    void aReplacementMeasuredInsteadOfBuiltTakesTheSameDrawsAndMeasures() {
        Grammar grammar = new Grammar();
        Mutator mutator = new Mutator(grammar);
        SplittableRandom rng = new SplittableRandom(21);
        Grammar.Measured measured = new Grammar.Measured();
        int concatenated = 0;
        for (int n = 0; n < 2000; n++) {
            Node.Program program = grammar.randomProgram(rng);
            int s = rng.nextInt(Mutator.siteCount(program));
            long seed = rng.nextLong();
            Draws built = Draws.of(new SplittableRandom(seed));
            Draws counted = Draws.of(new SplittableRandom(seed));
            Node fresh = grammar.replacement(Mutator.slotAt(program, s), Mutator.heightAt(program, s), built);
            grammar.measureReplacement(Mutator.slotAt(program, s), Mutator.heightAt(program, s), counted, measured);
            Limits.Measures m = Limits.measure(fresh);
            int topChain = 0;
            for (Node x = fresh; x instanceof Node.Concatenate c; x = c.rest()) topChain++;
            if (topChain > 0) concatenated++;
            String what = Printer.print(program) + " site " + s + " -> " + Printer.print(fresh);
            assertEquals(m, new Limits.Measures(measured.height, measured.chain, measured.tokens), what);
            assertEquals(topChain, measured.topChain, what);
            assertEquals(built.randint(1 << 30), counted.randint(1 << 30), what + ": the streams part");
        }
        assertEquals(true, concatenated > 200, concatenated + " statement lists drawn");
    }
}
