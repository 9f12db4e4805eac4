package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A step's rest skipped with scouts ({@link Mutator.Neighbourhood#skipRest}) leaves the stream
 * exactly where drawing every neighbour leaves it, however the scouts' threads run: at once, on
 * a pool, late, never; with one to three scouts; from rests just long enough to share to SHC's
 * largest k.
 */
class SkipRestTest {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "skip-rest-test");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void shutDown() {
        POOL.shutdownNow();
    }

    /** Each scout runs on the caller's thread, to its end, before the step walks: the walk then only skips. */
    private static final Executor AT_ONCE = Runnable::run;
    private static final Executor REFUSING = r -> {
        throw new RejectedExecutionException("no threads");
    };
    /** A scout that starts after the step has drawn a good part of its rest alone. */
    private static final Executor LATE = r -> POOL.execute(() -> {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        r.run();
    });

    @Test
    void theStreamEndsWhereDrawingEveryNeighbourLeavesIt() {
        Grammar grammar = new Grammar();
        Mutator mutator = new Mutator(grammar);
        SplittableRandom rng = new SplittableRandom(11);
        Executor[] executors = {AT_ONCE, POOL, LATE, REFUSING};
        int[] ks = {300, 513, 1024, 2048};
        int[] before = {1, 32, 64, 250};
        for (int n = 0; n < 120; n++) {
            Node.Program program = grammar.randomProgram(rng);
            int k = ks[n % ks.length];
            int drawnFirst = before[(n / 4) % before.length];
            int scouts = 1 + n % 3;
            Executor helpers = executors[(n / 3) % executors.length];
            long seed = rng.nextLong();

            Tape alone = new Tape(seed);
            mutator.neighbourhood(program, k, alone).drawAll();
            Tape scouted = new Tape(seed);
            Mutator.Neighbourhood hood = mutator.neighbourhood(program, k, scouted);
            hood.draw(drawnFirst);
            hood.skipRest(helpers, scouts);

            String what = Printer.print(program) + ", k " + k + ", " + drawnFirst + " drawn first, " + scouts + " scouts, case " + n;
            assertEquals(alone.position(), scouted.position(), what);
            assertEquals(k, hood.drawn(), what);
            for (int i = 0; i < 20; i++) assertEquals(alone.randint(1 << 20), scouted.randint(1 << 20), what);
        }
    }

    @Test
    void scoutsThatRanAheadSpareTheStepMostOfItsDraws() {
        Grammar grammar = new Grammar();
        Mutator mutator = new Mutator(grammar);
        SplittableRandom rng = new SplittableRandom(5);
        long readAlone = 0;
        long readScouted = 0;
        for (int n = 0; n < 20; n++) {
            Node.Program program = grammar.randomProgram(rng);
            long seed = rng.nextLong();
            Tape alone = new Tape(seed);
            Mutator.Neighbourhood all = mutator.neighbourhood(program, 2048, alone);
            all.draw(64);
            long from = alone.read;
            all.drawAll();
            readAlone += alone.read - from;
            Tape scouted = new Tape(seed);
            Mutator.Neighbourhood hood = mutator.neighbourhood(program, 2048, scouted);
            hood.draw(64);
            from = scouted.read;
            hood.skipRest(AT_ONCE, 1);
            readScouted += scouted.read - from;
            assertEquals(alone.position(), scouted.position());
        }
        // one scout took the far half, so the step itself read little more than the near half
        assertTrue(readScouted < 0.65 * readAlone, readScouted + " words read by the step with a scout, " + readAlone + " alone");
    }

    @Test
    void skippedNeighboursAreNotKept() {
        Grammar grammar = new Grammar();
        Mutator mutator = new Mutator(grammar);
        Node.Program program = grammar.randomProgram(new SplittableRandom(3));
        Mutator.Neighbourhood hood = mutator.neighbourhood(program, 1024, new Tape(9));
        hood.draw(10);
        List<Node.Program> list = hood.list();
        Node.Program ninth = list.get(9);
        hood.skipRest(AT_ONCE, 1);
        assertEquals(ninth, list.get(9), "a neighbour drawn before the skip is still there");
        assertThrows(IllegalStateException.class, () -> list.get(10));
        assertThrows(IllegalStateException.class, () -> hood.replaced(500));
    }

    /**
     * A stream whose 32-bit word at each position is a hash of the position, drawn as numpy
     * draws (a double from two words, randint by masked rejection): copied and skipped for free,
     * and it counts the words it reads.
     */
    static final class Tape implements Draws.Bits, Draws.Positioned {
        private final long seed;
        private long position;
        long read;

        Tape(long seed) {
            this.seed = seed;
        }

        private Tape(Tape from) {
            this.seed = from.seed;
            this.position = from.position;
        }

        private long word() {
            read++;
            long z = seed + 0x9e3779b97f4a7c15L * ++position;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return (z ^ (z >>> 31)) >>> 32;
        }

        @Override
        public long randomBits() {
            long a = word() >>> 5;
            long b = word() >>> 6;
            return (a << 26) | b;
        }

        @Override
        public double randomSample() {
            return randomBits() / 9007199254740992.0;
        }

        @Override
        public int randint(int high) {
            if (high == 1) return 0;
            long mask = Long.highestOneBit(high - 1) * 2 - 1;
            long v;
            do {
                v = word() & mask;
            } while (v >= high);
            return (int) v;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public Tape copy() {
            return new Tape(this);
        }

        @Override
        public void skip(long words) {
            position += words;
        }
    }
}
