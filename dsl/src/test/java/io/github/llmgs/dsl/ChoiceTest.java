package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.minigrid.MiniGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A choice read from its buckets takes the option the search over the running sums takes, for every draw. */
class ChoiceTest {
    private static final double TWO_53 = 9007199254740992.0;

    /** The weights the grammars use, zeroed kinds included, and some that put boundaries on bucket edges. */
    private static List<Choice> choices() {
        List<Choice> out = new ArrayList<>();
        out.add(Choice.normalised(new double[] {0.15, 0.03, 0.5, 0.08, 0.04, 0.2}));
        out.add(Choice.normalised(new double[] {0.15, 0.03, 0, 0.08, 0.04, 0.2}));
        out.add(Choice.normalised(new double[] {0, 0, 0.5, 0, 0, 0.2}));
        out.add(Choice.normalised(new double[] {0, 0, 0, 0, 0, 0.2}));
        out.add(Choice.normalised(new double[] {1.0}));
        double[] counts = new double[20];
        java.util.Arrays.fill(counts, 1.0 / 20);
        out.add(Choice.asListed(counts));
        out.add(Choice.asListed(new double[] {0.5, 0.25, 0.125, 0.125}));
        out.add(Choice.asListed(new double[] {1.0 / 1024, 1.0 / 1024, 1 - 2.0 / 1024}));
        SplittableRandom rng = new SplittableRandom(7);
        for (int c = 0; c < 50; c++) {
            double[] w = new double[1 + rng.nextInt(30)];
            for (int i = 0; i < w.length; i++) w[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
            w[rng.nextInt(w.length)] += 0.01;
            out.add(Choice.normalised(w));
        }
        return out;
    }

    @Test
    void bucketsAgreeWithTheSearchAtEveryBucketEdgeBoundaryAndRandomDraw() {
        SplittableRandom rng = new SplittableRandom(11);
        int checked = 0;
        for (Choice c : choices()) {
            List<Long> xs = new ArrayList<>();
            for (long t = 0; t < 1L << Choice.BUCKET_BITS; t++) {
                long first = t << (53 - Choice.BUCKET_BITS);
                xs.add(first);
                xs.add(first + 1);
                if (first > 0) xs.add(first - 1);
            }
            xs.add((1L << 53) - 1);
            for (int i = 0; i < 20_000; i++) xs.add(rng.nextLong() >>> 11);
            // the boundaries themselves: in each bucket whose ends differ, the first x of each new option
            for (long t = 0; t < 1L << Choice.BUCKET_BITS; t++) {
                long lo = t << (53 - Choice.BUCKET_BITS), hi = ((t + 1) << (53 - Choice.BUCKET_BITS)) - 1;
                while (c.search(lo / TWO_53) != c.search(hi / TWO_53)) {
                    long a = lo, b = hi; // search(a) < search(b): find the first x past a's option
                    while (b - a > 1) {
                        long m = (a + b) >>> 1;
                        if (c.search(m / TWO_53) == c.search(lo / TWO_53)) a = m; else b = m;
                    }
                    for (long d = -1; d <= 1; d++) xs.add(b + d);
                    lo = b;
                }
            }
            for (long x : xs) {
                assertEquals(c.search(x / TWO_53), c.draw(x), "x = " + x);
                checked++;
            }
        }
        assertEquals(true, checked > 1_000_000, "checked " + checked);
    }

    /** A stream with {@link Draws.Bits}, and the same stream seen only through its doubles. */
    private static Draws.Bits bits(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Draws.Bits() {
            public long randomBits() { return rng.nextLong() >>> 11; }
            public double randomSample() { return randomBits() / TWO_53; }
            public int randint(int high) { return rng.nextInt(high); }
        };
    }

    private static Draws doublesOnly(Draws.Bits stream) {
        return new Draws() {
            public double randomSample() { return stream.randomSample(); }
            public int randint(int high) { return stream.randint(high); }
        };
    }

    @Test
    void programsAndNeighboursAreTheSameWhetherTheStreamGivesBitsOrDoubles() {
        for (Vocabulary v : List.of(io.github.llmgs.dsl.karel.Karel.VOCABULARY, MiniGrid.VOCABULARY)) {
            Grammar grammar = new Grammar(v);
            Mutator mutator = new Mutator(grammar);
            Draws.Bits fast = bits(3);
            Draws slow = doublesOnly(bits(3));
            for (int i = 0; i < 2_000; i++) {
                Node.Program a = grammar.randomProgram(fast), b = grammar.randomProgram(slow);
                assertEquals(Printer.print(b), Printer.print(a), v + " program " + i);
                assertEquals(Printer.print(mutator.mutate(b, slow)), Printer.print(mutator.mutate(a, fast)), v + " neighbour " + i);
            }
        }
    }
}
