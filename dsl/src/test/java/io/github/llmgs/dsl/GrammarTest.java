package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrammarTest {

    private static final int SAMPLES = 100_000;

    /** Counts gathered once over {@link #SAMPLES} programs and shared by the frequency tests. */
    private static final Map<Class<?>, Integer> bodyKinds = new HashMap<>();
    private static final Map<Action, Integer> actions = new EnumMap<>(Action.class);
    private static final Map<Perception, Integer> perceptions = new EnumMap<>(Perception.class);
    private static final int[] repeatCounts = new int[Grammar.MAX_REPEAT + 1];
    private static int whileIfConditions;
    private static int whileIfNots;
    private static int iteNots;
    private static int overLimit;
    private static int maxHeight;
    private static int maxChain;

    @BeforeAll
    static void sample() {
        Grammar grammar = new Grammar();
        RandomGenerator rng = new SplittableRandom(12345);
        for (int i = 0; i < SAMPLES; i++) {
            Node.Program p = grammar.randomProgram(rng);
            if (!Limits.withinLimits(p)) {
                overLimit++;
            }
            maxHeight = Math.max(maxHeight, Limits.height(p));
            maxChain = Math.max(maxChain, Limits.longestChain(p));
            bodyKinds.merge(p.body().getClass(), 1, Integer::sum);
            tally(p);
        }
    }

    private static void tally(Node node) {
        if (node instanceof Node.Act a) {
            actions.merge(a.action(), 1, Integer::sum);
        } else if (node instanceof Node.Feature f) {
            perceptions.merge(f.perception(), 1, Integer::sum);
        } else if (node instanceof Node.ConstInt k) {
            repeatCounts[k.value()]++;
        } else if (node instanceof Node.While w) {
            countCondition(w.cond());
        } else if (node instanceof Node.If f) {
            countCondition(f.cond());
        } else if (node instanceof Node.Ite t && t.cond() instanceof Node.Not) {
            iteNots++;
        }
        for (Node child : node.children()) {
            tally(child);
        }
    }

    private static void countCondition(Node.Cond cond) {
        whileIfConditions++;
        if (cond instanceof Node.Not) {
            whileIfNots++;
        }
    }

    private static double share(Map<?, Integer> counts, Object key) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.getOrDefault(key, 0) / (double) total;
    }

    @Test
    void everySampleIsWithinLimits() {
        assertEquals(0, overLimit);
        assertTrue(maxHeight <= Limits.MAX_HEIGHT);
        assertTrue(maxChain <= Limits.MAX_CHAIN);
        // The sampler's own chain cap is 5 Concatenates (6 statements): the chain limit 6 is slack.
        assertEquals(5, maxChain);
        assertEquals(Limits.MAX_HEIGHT, maxHeight);
    }

    @Test
    void firstStatementKindFollowsTheUnrestrictedWeights() {
        // The slot under the Program has no restriction, so only rejection of over-limit samples
        // (which removes big Concatenate/IFELSE trees a little more often) moves these shares.
        assertEquals(0.15, share(bodyKinds, Node.While.class), 0.03);
        assertEquals(0.03, share(bodyKinds, Node.Repeat.class), 0.03);
        assertEquals(0.50, share(bodyKinds, Node.Concatenate.class), 0.03);
        assertEquals(0.08, share(bodyKinds, Node.If.class), 0.03);
        assertEquals(0.04, share(bodyKinds, Node.Ite.class), 0.03);
        assertEquals(0.20, share(bodyKinds, Node.Act.class), 0.03);
    }

    @Test
    void actionAndPerceptionSharesMatchTheGrammar() {
        // No rule ever restricts these leaves, so their shares are the grammar's weights.
        assertEquals(0.50, share(actions, Action.MOVE), 0.01);
        assertEquals(0.15, share(actions, Action.TURN_LEFT), 0.01);
        assertEquals(0.15, share(actions, Action.TURN_RIGHT), 0.01);
        assertEquals(0.10, share(actions, Action.PUT_MARKER), 0.01);
        assertEquals(0.10, share(actions, Action.PICK_MARKER), 0.01);
        assertEquals(0.50, share(perceptions, Perception.FRONT_IS_CLEAR), 0.01);
        assertEquals(0.15, share(perceptions, Perception.LEFT_IS_CLEAR), 0.01);
        assertEquals(0.15, share(perceptions, Perception.RIGHT_IS_CLEAR), 0.01);
        assertEquals(0.10, share(perceptions, Perception.MARKERS_PRESENT), 0.01);
        assertEquals(0.10, share(perceptions, Perception.NO_MARKERS_PRESENT), 0.01);
    }

    @Test
    void notShareAmongWhileAndIfConditions() {
        assertEquals(0.10, whileIfNots / (double) whileIfConditions, 0.01);
        assertEquals(0, iteNots, "an IFELSE condition is never sampled as a Not");
    }

    @Test
    void repeatCountsAreUniform() {
        int total = 0;
        for (int c : repeatCounts) {
            total += c;
        }
        for (int c : repeatCounts) {
            assertEquals(1.0 / 20, c / (double) total, 0.02);
        }
    }

    @Test
    void sameSeedSameProgram() {
        Grammar grammar = new Grammar();
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(grammar.randomProgram(new SplittableRandom(seed)),
                    grammar.randomProgram(new SplittableRandom(seed)));
        }
    }

    @Test
    void slotSamplingRespectsProductionRulesAndDepth() {
        Grammar grammar = new Grammar();
        RandomGenerator rng = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            assertFalse(grammar.sample(Grammar.Slot.FIRST_STATEMENT, 1, 1, rng) instanceof Node.Concatenate);
            assertInstanceOf(Node.Feature.class, grammar.sample(Grammar.Slot.ITE_CONDITION, 1, 1, rng));
            assertInstanceOf(Node.Feature.class, grammar.sample(Grammar.Slot.NOT_FEATURE, 1, 1, rng));
            int k = assertInstanceOf(Node.ConstInt.class, grammar.sample(Grammar.Slot.REPEAT_COUNT, 1, 1, rng)).value();
            assertTrue(k >= 0 && k <= Grammar.MAX_REPEAT);
            // At the height limit nothing that adds height may appear anywhere in the subtree.
            assertEquals(0, Limits.height(grammar.sample(Grammar.Slot.STATEMENT, Limits.MAX_HEIGHT, 1, rng)));
            // A chain position at the cap allows no further Concatenate.
            assertFalse(grammar.sample(Grammar.Slot.STATEMENT, 1, Limits.MAX_CHAIN, rng) instanceof Node.Concatenate);
        }
    }
}
