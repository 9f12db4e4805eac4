package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void heightCountsProgramAndControlFlow() {
        assertEquals(1, Limits.height(Parser.parse("DEF run m( move turnLeft m)")));
        assertEquals(2, Limits.height(Parser.parse("DEF run m( move REPEAT R=3 r( move r) m)")));
        assertEquals(4, Limits.height(Parser.parse(
                "DEF run m( WHILE c( frontIsClear c) w( IF c( not c( markersPresent c) c) i("
                        + " REPEAT R=2 r( move r) i) w) m)")));
        assertEquals(0, Limits.height(new Node.Act(Action.MOVE)));
    }

    @Test
    void chainCountsNestedConcatenates() {
        assertEquals(0, Limits.longestChain(Parser.parse("DEF run m( move m)")));
        assertEquals(2, Limits.longestChain(Parser.parse("DEF run m( move move move m)")));
        // The longer list inside the body wins over the shorter outer one.
        assertEquals(3, Limits.longestChain(Parser.parse(
                "DEF run m( move WHILE c( frontIsClear c) w( move move move move w) m)")));
    }

    @Test
    void tokensMatchPrintedForm() {
        assertEquals(5, Limits.tokens(Parser.parse("DEF run m( move m)")));
        assertEquals(4, Limits.tokens(new Node.Not(new Node.Feature(Perception.FRONT_IS_CLEAR))));
        assertEquals(1, Limits.tokens(new Node.ConstInt(5)));
        assertEquals(15, Limits.tokens(Parser.parse("DEF run m( IFELSE c( frontIsClear c) i( move i) ELSE e( move e) m)")));
    }

    @Test
    void nodeCountIncludesEveryNode() {
        // Program, Repeat, ConstInt, Concatenate, Act, If, Not, Feature, Act
        assertEquals(9, Limits.nodeCount(Parser.parse(
                "DEF run m( REPEAT R=4 r( move IF c( not c( leftIsClear c) c) i( move i) r) m)")));
    }

    @Test
    void sequenceIsTheReferenceMeasure() {
        // The reference's get_max_sequence counts statements in a list, 1 without any Concatenate.
        assertEquals(1, Limits.longestSequence(Parser.parse("DEF run m( move m)")));
        assertEquals(3, Limits.longestSequence(Parser.parse("DEF run m( move move move m)")));
    }

    @Test
    void withinLimitsChecksAllThree() {
        assertTrue(Limits.withinLimits(Parser.parse("DEF run m( move move move move move move m)")));
        assertFalse(Limits.withinLimits(Parser.parse("DEF run m( move move move move move move move m)")),
                "7 statements in one list");
        assertFalse(Limits.withinLimits(Parser.parse(
                "DEF run m( WHILE c( frontIsClear c) w( WHILE c( frontIsClear c) w( WHILE c( frontIsClear c) w("
                        + " WHILE c( frontIsClear c) w( move w) w) w) w) m)")), "height 5");
        String ifs = "IF c( frontIsClear c) i( move move move i) ".repeat(4);
        Node.Program full = Parser.parse("DEF run m( " + ifs + "REPEAT R=2 r( move r) m)");
        assertEquals(45, Limits.tokens(full));
        assertTrue(Limits.withinLimits(full));
        Node.Program tooLong = Parser.parse("DEF run m( " + ifs + "REPEAT R=2 r( move move r) m)");
        assertEquals(46, Limits.tokens(tooLong));
        assertFalse(Limits.withinLimits(tooLong), "46 tokens");
    }

    /** The one-walk check agrees with the three measures, on drawn programs of every size (most over a limit). */
    @Test
    void withinLimitsIsTheThreeMeasures() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (Vocabulary domain : java.util.List.of(Domains.KAREL, Domains.MINIGRID)) {
            Grammar grammar = new Grammar(domain);
            int within = 0;
            int chainOnly = 0;
            for (int i = 0; i < 20_000; i++) {
                // sampled taller than the limits allow, in lists of up to 9 statements, so that every
                // limit is broken, alone and together
                Node.Stmt list = (Node.Stmt) grammar.sample(Grammar.Slot.STATEMENT, i % 4 - 1, 1, rng);
                for (int n = i % 9; n > 0; n--) {
                    list = new Node.Concatenate((Node.Stmt) grammar.sample(Grammar.Slot.FIRST_STATEMENT, 2, 1, rng), list);
                }
                Node.Program p = new Node.Program(list);
                boolean measures = Limits.height(p) <= Limits.MAX_HEIGHT && Limits.longestSequence(p) <= Limits.MAX_CHAIN
                        && Limits.tokens(p) <= Limits.MAX_TOKENS;
                assertEquals(measures, Limits.withinLimits(p), () -> Printer.print(p));
                if (measures) within++;
                if (Limits.longestSequence(p) > Limits.MAX_CHAIN && Limits.height(p) <= Limits.MAX_HEIGHT
                        && Limits.tokens(p) <= Limits.MAX_TOKENS) chainOnly++;
            }
            assertTrue(within > 1_000 && within < 19_000, "both outcomes drawn: " + within);
            assertTrue(chainOnly > 100, "lists too long within the other limits: " + chainOnly);
        }
    }

    /** The measures as plain walks over children(), which the fast ones must equal. */
    private static int genericHeight(Node node) {
        int own = 0;
        for (Node child : node.children()) own = Math.max(own, genericHeight(child));
        return node instanceof Node.Concatenate ? own : node.heightContribution() + own;
    }

    private static int genericChain(Node node, int run) {
        int here = node instanceof Node.Concatenate ? run + 1 : 0;
        int longest = here;
        List<Node> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            boolean rest = node instanceof Node.Concatenate && i == 1;
            longest = Math.max(longest, genericChain(children.get(i), rest ? here : 0));
        }
        return longest;
    }

    private static int genericTokens(Node node) {
        int own = node instanceof Node.Program ? 4 : node instanceof Node.While || node instanceof Node.If ? 5
                : node instanceof Node.Ite ? 8 : node instanceof Node.Repeat || node instanceof Node.Not ? 3
                : node instanceof Node.Concatenate ? 0 : node instanceof Node.Feature f && f.argument() != null ? 4 : 1;
        for (Node child : node.children()) own += genericTokens(child);
        return own;
    }

    @Test
    void theMeasuresEqualPlainWalksOverEveryNode() {
        for (Vocabulary vocabulary : List.of(Domains.KAREL, Domains.MINIGRID)) {
            Grammar grammar = new Grammar(vocabulary);
            Mutator mutator = new Mutator(grammar);
            SplittableRandom rng = new SplittableRandom(17);
            Node.Program p = grammar.randomProgram(rng);
            for (int n = 0; n < 20_000; n++) {
                p = n % 7 == 0 ? grammar.randomProgram(rng) : mutator.mutate(p, rng);
                String what = Printer.print(p);
                assertEquals(genericHeight(p), Limits.height(p), what);
                assertEquals(genericChain(p, 0), Limits.longestChain(p), what);
                assertEquals(genericTokens(p), Limits.tokens(p), what);
                assertEquals(new Limits.Measures(genericHeight(p), genericChain(p, 0), genericTokens(p)), Limits.measure(p), what);
                for (Node child : p.body().children()) {
                    assertEquals(new Limits.Measures(genericHeight(child), genericChain(child, 0), genericTokens(child)),
                            Limits.measure(child), what);
                    assertEquals(genericHeight(child), Limits.height(child), what);
                    assertEquals(genericChain(child, 0), Limits.longestChain(child), what);
                    assertEquals(genericTokens(child), Limits.tokens(child), what);
                }
            }
        }
    }
}
