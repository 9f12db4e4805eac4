package io.github.llmgs.dsl.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Limits;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Random MiniGrid programs follow spec/search.md section 5. */
class MiniGridGrammarTest {

    private static final int SAMPLES = 50_000;
    private static final double TOLERANCE = 0.01;

    private final Grammar grammar = new Grammar(Domains.MINIGRID);

    @Test
    void randomProgramsAreMiniGridProgramsWithinTheLimits() {
        RandomGenerator rng = new SplittableRandom(7);
        Map<Action, Integer> actions = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            Node.Program p = grammar.randomProgram(rng);
            assertTrue(Limits.withinLimits(p));
            String text = Printer.print(p);
            assertEquals(p, Parser.parse(text, Domains.MINIGRID), text);
            assertEquals(text.split(" ").length, Limits.tokens(p), text);
            tallyActions(p, actions);
        }
        int total = actions.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(0.15, share(actions, Action.LEFT, total), TOLERANCE);
        assertEquals(0.15, share(actions, Action.RIGHT, total), TOLERANCE);
        assertEquals(0.50, share(actions, Action.FORWARD, total), TOLERANCE);
        assertEquals(0.08, share(actions, Action.PICKUP, total), TOLERANCE);
        assertEquals(0.08, share(actions, Action.DROP, total), TOLERANCE);
        assertEquals(0.04, share(actions, Action.TOGGLE, total), TOLERANCE);
    }

    private static void tallyActions(Node node, Map<Action, Integer> actions) {
        while (node instanceof Node.Concatenate c) {
            tallyActions(c.first(), actions);
            node = c.rest();
        }
        if (node instanceof Node.Act a) {
            actions.merge(Action.of(a.action()), 1, Integer::sum);
        }
        for (Node child : node.children()) {
            tallyActions(child, actions);
        }
    }

    @Test
    void aWhileOrIfConditionIsANotHalfTheTime() {
        RandomGenerator rng = new SplittableRandom(11);
        int nots = 0;
        for (int i = 0; i < SAMPLES; i++) {
            if (grammar.sample(Grammar.Slot.CONDITION, 1, 1, rng) instanceof Node.Not) nots++;
        }
        assertEquals(0.5, nots / (double) SAMPLES, TOLERANCE);
    }

    @Test
    void featuresAndTheirArgumentsFollowTheirWeights() {
        RandomGenerator rng = new SplittableRandom(13);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < SAMPLES; i++) {
            Node.Feature f = assertInstanceOf(Node.Feature.class, grammar.sample(Grammar.Slot.NOT_FEATURE, 1, 1, rng));
            String key = f.feature().token() + (f.argument() == null ? "" : " " + f.argument());
            seen.merge(key, 1, Integer::sum);
        }
        assertEquals(0.125, share(seen, "front_is_clear"), TOLERANCE);
        assertEquals(0.125, share(seen, "is_carrying_object"), TOLERANCE);
        for (String object : Feature.FRONT_OBJECT_TYPE.arguments()) {
            assertEquals(0.5 * 0.25, share(seen, "front_object_type " + object), TOLERANCE);
        }
        for (String colour : Feature.FRONT_OBJECT_COLOR.arguments()) {
            assertEquals(0.25 * 0.5, share(seen, "front_object_color " + colour), TOLERANCE);
        }
        assertEquals(8, seen.size(), seen.toString()); // nothing outside the lists above
    }

    @Test
    void anIfElseConditionIsNeverANot() {
        RandomGenerator rng = new SplittableRandom(17);
        for (int i = 0; i < 10_000; i++) {
            assertInstanceOf(Node.Feature.class, grammar.sample(Grammar.Slot.ITE_CONDITION, 1, 1, rng));
        }
    }

    private static <K> double share(Map<K, Integer> counts, K key) {
        return share(counts, key, SAMPLES);
    }

    private static <K> double share(Map<K, Integer> counts, K key, int total) {
        return counts.getOrDefault(key, 0) / (double) total;
    }
}
