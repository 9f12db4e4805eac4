package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
            maxChain = Math.max(maxChain, Limits.longestSequence(p));
            bodyKinds.merge(p.body().getClass(), 1, Integer::sum);
            tally(p);
        }
    }

    private static void tally(Node node) {
        if (node instanceof Node.Act a) {
            actions.merge((Action) a.action(), 1, Integer::sum);
        } else if (node instanceof Node.Feature f) {
            perceptions.merge((Perception) f.feature(), 1, Integer::sum);
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
        // The sampler's caps reach the limits exactly: 6-statement lists, height 4.
        assertEquals(Limits.MAX_CHAIN, maxChain);
        assertEquals(Limits.MAX_HEIGHT, maxHeight);
    }

    @Test
    void firstStatementKindBeforeRejectionFollowsTheWeights() {
        // The slot under the Program has no restriction, so a raw fill draws its kind straight from
        // the grammar's weights.
        Grammar grammar = new Grammar();
        RandomGenerator rng = new SplittableRandom(777);
        Map<Class<?>, Integer> raw = new HashMap<>();
        for (int i = 0; i < SAMPLES; i++) {
            raw.merge(grammar.drawProgram(rng).body().getClass(), 1, Integer::sum);
        }
        assertEquals(0.15, share(raw, Node.While.class), 0.01);
        assertEquals(0.03, share(raw, Node.Repeat.class), 0.01);
        assertEquals(0.50, share(raw, Node.Concatenate.class), 0.01);
        assertEquals(0.08, share(raw, Node.If.class), 0.01);
        assertEquals(0.04, share(raw, Node.Ite.class), 0.01);
        assertEquals(0.20, share(raw, Node.Act.class), 0.01);
    }

    @Test
    void acceptedSamplesAreRawDrawsFilteredByTheLimits() {
        // About 38% of raw fills exceed 45 tokens (none breaks height or chain: the caps prevent
        // it), and those are mostly Concatenate/IFELSE-rooted, so accepted programs start with a
        // Concatenate ~34% of the time, not 50%: Act ~.32, While ~.18, If ~.095, Repeat ~.037,
        // IFELSE ~.023. Check randomProgram is exactly that rejection, against an independent stream.
        Grammar grammar = new Grammar();
        RandomGenerator rng = new SplittableRandom(4242);
        Map<Class<?>, Integer> filtered = new HashMap<>();
        int drawn = 0;
        int kept = 0;
        while (kept < SAMPLES) {
            Node.Program p = grammar.drawProgram(rng);
            drawn++;
            assertTrue(Limits.height(p) <= Limits.MAX_HEIGHT);
            assertTrue(Limits.longestSequence(p) <= Limits.MAX_CHAIN);
            if (Limits.withinLimits(p)) {
                kept++;
                filtered.merge(p.body().getClass(), 1, Integer::sum);
            }
        }
        assertEquals(0.62, kept / (double) drawn, 0.02);
        for (Class<?> kind : List.of(Node.While.class, Node.Repeat.class, Node.Concatenate.class,
                Node.If.class, Node.Ite.class, Node.Act.class)) {
            assertEquals(share(filtered, kind), share(bodyKinds, kind), 0.01, kind.getSimpleName());
        }
        assertEquals(0.345, share(bodyKinds, Node.Concatenate.class), 0.015);
        assertEquals(0.32, share(bodyKinds, Node.Act.class), 0.015);
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
            // A fresh chain (sequence 1) can grow to the limit but not past it.
            assertTrue(Limits.longestSequence(grammar.sample(Grammar.Slot.STATEMENT, 1, 1, rng)) <= Limits.MAX_CHAIN);
        }
    }
}
