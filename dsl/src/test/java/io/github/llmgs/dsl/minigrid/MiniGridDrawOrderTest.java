package io.github.llmgs.dsl.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Draws;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MiniGrid's draw order, from spec/search.md sections 5 and 6 (no MiniGrid search was recorded):
 * scripted draws name the option each one must select under section 5's weights, so another
 * order (the object drawn after the body, the feature's argument a node of its own, a skipped
 * draw) selects other options or leaves draws unused.
 */
class MiniGridDrawOrderTest {

    /** Hands out scripted values and logs each draw: {@code u} for random_sample, {@code i(n)} for randint(n). */
    private static final class Script implements Draws {
        private final double[] samples;
        private final int[] picks;
        private int nextSample;
        private int nextPick;
        final List<String> log = new ArrayList<>();

        Script(double[] samples, int... picks) {
            this.samples = samples;
            this.picks = picks;
        }

        @Override
        public double randomSample() {
            log.add("u");
            return samples[nextSample++];
        }

        @Override
        public int randint(int high) {
            log.add("i(" + high + ")");
            return picks[nextPick++];
        }

        void assertAllUsed() {
            assertEquals(samples.length, nextSample, "random_sample draws used " + log);
            assertEquals(picks.length, nextPick, "randint draws used " + log);
        }
    }

    private final Grammar grammar = new Grammar(Domains.MINIGRID);

    @Test
    void aFeaturesObjectIsDrawnRightAfterItsName() {
        // statement kinds (While .15, Repeat .03, Concatenate .5, If .08, ITE .04, Action .2): 0.7 is If;
        // condition kinds (BoolFeature .5, Not .5): 0.2 is BoolFeature; features (front_is_clear .125,
        // front_object_type .5, front_object_color .25, is_carrying_object .125): 0.3 is front_object_type;
        // objects (lava, door, ball, box, .25 each): 0.6 is ball; then the If's body: 0.9 is Action,
        // and actions (left .15, right .15, forward .5, ...): 0.5 is forward
        Script s = new Script(new double[] {0.7, 0.2, 0.3, 0.6, 0.9, 0.5});
        assertEquals("DEF run m( IF c( front_object_type h( ball h) c) i( forward i) m)",
                Printer.print(grammar.randomProgram(s)));
        s.assertAllUsed();
        assertEquals(List.of("u", "u", "u", "u", "u", "u"), s.log);
    }

    @Test
    void aFeaturesColourIsDrawnRightAfterItsName() {
        // 0.05 While; 0.2 BoolFeature; 0.7 front_object_color; 0.6 blue (red, blue, .5 each);
        // the While's body: 0.9 Action, 0.2 right
        Script s = new Script(new double[] {0.05, 0.2, 0.7, 0.6, 0.9, 0.2});
        assertEquals("DEF run m( WHILE c( front_object_color h( blue h) c) w( right w) m)",
                Printer.print(grammar.randomProgram(s)));
        s.assertAllUsed();
    }

    @Test
    void theMutationPickCountsAFeatureWithItsArgumentAsOneNode() {
        // pre-order without the Program: If, its feature (with the argument), the action: randint(3);
        // pick 1, the feature: its kind (0.2 BoolFeature, no caps at the slot), name 0.8
        // front_object_color, colour 0.1 red
        Script s = new Script(new double[] {0.2, 0.8, 0.1}, 1);
        Mutator mutator = new Mutator(grammar);
        assertEquals("DEF run m( IF c( front_object_color h( red h) c) i( forward i) m)", Printer.print(mutator.mutate(
                Parser.parse("DEF run m( IF c( front_object_type h( ball h) c) i( forward i) m)", Domains.MINIGRID), s)));
        s.assertAllUsed();
        assertEquals(List.of("i(3)", "u", "u", "u"), s.log);
    }

    @Test
    void aMutatedActionDrawsItsKindThenItsName() {
        // pick 2, the action: kind 0.9 Action (the slot keeps every statement kind), name 0.99 toggle
        Script s = new Script(new double[] {0.9, 0.99}, 2);
        assertEquals("DEF run m( IF c( is_carrying_object c) i( toggle i) m)", Printer.print(new Mutator(grammar).mutate(
                Parser.parse("DEF run m( IF c( is_carrying_object c) i( forward i) m)", Domains.MINIGRID), s)));
        s.assertAllUsed();
        assertEquals(List.of("i(3)", "u", "u"), s.log);
    }
}
