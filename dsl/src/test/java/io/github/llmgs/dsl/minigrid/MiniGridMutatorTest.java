package io.github.llmgs.dsl.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Limits;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MiniGridMutatorTest {

    private final Mutator mutator = new Mutator(new Grammar(Domains.MINIGRID));

    /** Records the bound of the first {@code nextInt(bound)}: the mutator's uniform pick among the nodes. */
    private static final class FirstPick implements RandomGenerator {
        private final RandomGenerator inner;
        int bound = -1;
        int picked = -1;

        FirstPick(RandomGenerator inner) {
            this.inner = inner;
        }

        @Override
        public long nextLong() {
            return inner.nextLong();
        }

        @Override
        public double nextDouble() {
            return inner.nextDouble();
        }

        @Override
        public int nextInt(int bound) {
            int value = inner.nextInt(bound);
            if (this.bound < 0) {
                this.bound = bound;
                picked = value;
            }
            return value;
        }
    }

    @Test
    void aFeatureWithItsArgumentIsOneNodeForThePick() {
        Node.Program p = Parser.parse("DEF run m( IF c( front_object_type h( ball h) c) i( forward i) m)", Domains.MINIGRID);
        int[] picks = new int[3];
        SplittableRandom seeds = new SplittableRandom(3);
        int draws = 30_000;
        for (int i = 0; i < draws; i++) {
            FirstPick rng = new FirstPick(seeds.split());
            mutator.mutate(p, rng);
            assertEquals(3, rng.bound); // If, its Feature (with the argument), the Act: not 5 or 6
            picks[rng.picked]++;
        }
        for (int count : picks) {
            assertEquals(1.0 / 3, count / (double) draws, 0.01);
        }
    }

    @Test
    void replacingTheFeatureDrawsAFreshFeatureAndArgument() {
        Node.Program p = Parser.parse("DEF run m( WHILE c( front_object_color h( red h) c) w( forward w) m)", Domains.MINIGRID);
        SplittableRandom seeds = new SplittableRandom(5);
        boolean otherArgument = false;
        for (int i = 0; i < 5_000 && !otherArgument; i++) {
            Node.Program m = mutator.mutate(p, seeds.split());
            if (m.body() instanceof Node.While w && w.body().equals(new Node.Act(Action.FORWARD))
                    && w.cond() instanceof Node.Feature f && f.feature() == Feature.FRONT_OBJECT_COLOR) {
                otherArgument = f.argument().equals("blue");
            }
        }
        assertTrue(otherArgument, "no mutant only changed the colour");
    }

    @Test
    void mutantsOfTheVectorProgramsStayMiniGridProgramsWithinTheLimits() throws IOException {
        List<String> programs = MiniGridVectors.programs("episodes.jsonl");
        SplittableRandom seeds = new SplittableRandom(9);
        int mutants = 0;
        for (String text : programs) {
            Node.Program p = Parser.parse(text, Domains.MINIGRID);
            if (!Limits.withinLimits(p)) {
                continue; // the structured programs are beyond the search space; the search never starts there
            }
            for (int k = 0; k < 20; k++) {
                Node.Program m = mutator.mutate(p, seeds.split());
                assertTrue(Limits.withinLimits(m));
                String printed = Printer.print(m);
                assertEquals(m, Parser.parse(printed, Domains.MINIGRID), printed);
                assertNotEquals(null, m);
                mutants++;
            }
        }
        assertTrue(mutants > 2_000, "only " + mutants + " mutants");
    }
}
