package io.github.llmgs.search.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.search.method.BatchScorer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared engine: merged calls, scores back in each run's order, one run's failure kept to that run. */
@Timeout(60)
class BatcherTest {
    private static final String[] ACTIONS = {"move", "turnLeft", "turnRight", "putMarker", "pickMarker"};

    /** Programs a run submits: distinct per run and request, so a score names its program. */
    private static List<Node.Program> programs(int run, int count) {
        List<Node.Program> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            for (int r = 0; r <= run; r++) body.append(ACTIONS[(i + r) % ACTIONS.length]).append(' ');
            out.add(Parser.parse("DEF run m( REPEAT R=" + (i % 20) + " r( " + body + "r) m)"));
        }
        return out;
    }

    /** A stand-in engine: a program's score is its printed length, and every call is logged. */
    private static final class Engine implements BatchScorer.Evaluator {
        final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        volatile String refuse;

        @Override
        public double[] means(List<Node.Program> programs) {
            calls.add(programs.size());
            double[] s = new double[programs.size()];
            for (int i = 0; i < s.length; i++) {
                String text = Printer.print(programs.get(i));
                if (text.equals(refuse)) throw new IllegalArgumentException("over capacity: " + text);
                s[i] = text.length();
            }
            return s;
        }

        static double score(Node.Program p) {
            return Printer.print(p).length();
        }
    }

    /**
     * {@code runs} runs that join, wait until all have joined, then each submit {@code programs.apply(run)}
     * once: every one is waiting together, as concurrent climbers are between steps.
     */
    private static List<Future<double[]>> together(Batcher batcher, ExecutorService threads, Engine engine, int runs,
                                                   java.util.function.IntFunction<List<Node.Program>> programs) {
        return together(batcher, threads, engine, runs, (lane, run) -> lane.means(programs.apply(run)));
    }

    /** As above, each run making its request through its lane as {@code request} says. */
    private static List<Future<double[]>> together(Batcher batcher, ExecutorService threads, BatchScorer.Evaluator engine, int runs,
                                                   java.util.function.BiFunction<BatchScorer.Evaluator, Integer, double[]> request) {
        CountDownLatch joined = new CountDownLatch(runs);
        List<Future<double[]>> got = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            int run = r;
            got.add(threads.submit(() -> {
                try (Batcher.Member m = batcher.join()) {
                    BatchScorer.Evaluator lane = m.lane("DoorKey", 32, engine);
                    // a run counts as active from its first request: a one-program warm-up each, so
                    // that when the requests below come every run is known
                    lane.means(programs(run, 1));
                    joined.countDown();
                    joined.await();
                    return request.apply(lane, run);
                }
            }));
        }
        return got;
    }

    @Test
    void runsThatAllWaitShareOneCallAndGetTheirOwnScores() throws Exception {
        Engine engine = new Engine();
        int runs = 8;
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        try (Batcher batcher = new Batcher(1 << 20)) {
            List<Future<double[]>> got = together(batcher, threads, engine, runs, run -> programs(run, 10 + run));
            for (int r = 0; r < runs; r++) {
                double[] want = programs(r, 10 + r).stream().mapToDouble(Engine::score).toArray();
                assertArrayEquals(want, got.get(r).get(), "run " + r + " gets its programs' scores, in order");
            }
            Batcher.Metrics metrics = batcher.metrics();
            assertEquals(metrics.programs(), engine.calls.stream().mapToInt(Integer::intValue).sum());
            // the warm-ups are calls of at most one program per run; the requests below, of 10 or more
            long measured = engine.calls.stream().filter(size -> size >= 10).count();
            assertTrue(measured < runs, "calls merged: " + engine.calls);
            assertEquals(engine.calls.size(), metrics.calls());
            assertEquals(32.0 * metrics.programs() / metrics.calls(), metrics.meanPairs(), 1e-9);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Two runs' climbing steps in one call: each request's group stays its own (a stand-in backend
     * that skips after a group's first score above its threshold never cuts one run's step at
     * another's improvement), and a request without groups gets none.
     */
    @Test
    void eachRunsGroupsStayItsOwnInAMergedCall() throws Exception {
        List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
        BatchScorer.Evaluator skipping = new BatchScorer.Evaluator() {
            @Override
            public double[] means(List<Node.Program> programs) {
                return programs.stream().mapToDouble(Engine::score).toArray();
            }

            @Override
            public BatchScorer.Scored means(List<Node.Program> programs, double[] thresholds, int[] groups) {
                seen.add(groups == null ? null : groups.clone());
                double[] s = means(programs);
                java.util.Map<Integer, Integer> passed = new java.util.HashMap<>();
                for (int i = 0; i < s.length; i++) {
                    int g = groups == null ? -1 : groups[i];
                    if (g >= 0 && passed.containsKey(g)) {
                        s[i] = io.github.llmgs.engine.batch.BatchResult.SKIPPED;
                    } else if (g >= 0 && s[i] > thresholds[i]) {
                        passed.put(g, i);
                    }
                }
                return new BatchScorer.Scored(s, null);
            }
        };
        int runs = 3;
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        try (Batcher batcher = new Batcher(1 << 20)) {
            // every score is above 0: a step stops at its first
            List<Future<double[]>> got = together(batcher, threads, skipping, runs,
                    (lane, run) -> lane.means(programs(run, 6), new double[6], run < 2 ? new int[6] : null).means());
            for (int r = 0; r < 2; r++) {
                double[] s = got.get(r).get();
                assertEquals(Engine.score(programs(r, 6).get(0)), s[0], "run " + r + "'s first is its own group's first");
                for (int i = 1; i < 6; i++) assertTrue(io.github.llmgs.engine.batch.BatchResult.skipped(s[i]), "run " + r + " after its first: " + s[i]);
            }
            assertArrayEquals(programs(2, 6).stream().mapToDouble(Engine::score).toArray(), got.get(2).get(), "no groups: every score");
            assertTrue(seen.stream().anyMatch(g -> g != null && g.length >= 12), "the steps shared a call: " + seen.size() + " calls");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFullLaneGoesOutWithoutWaitingForTheOthers() throws Exception {
        Engine engine = new Engine();
        try (Batcher batcher = new Batcher(32 * 10);
             Batcher.Member idle = batcher.join(); Batcher.Member busy = batcher.join()) {
            // "idle" joins the engine but never asks: only the pair limit can send busy's request
            idle.lane("DoorKey", 32, engine);
            idle.lane("DoorKey", 32, engine).means(programs(0, 1)); // joins (alone, everyone waits)
            double[] s = busy.lane("DoorKey", 32, engine).means(programs(1, 10));
            assertEquals(10, s.length);
            assertEquals(List.of(1, 10), engine.calls);
            // a request below the limit waits for the idle run, until the age guard sends it anyway
            long t0 = System.nanoTime();
            busy.lane("DoorKey", 32, engine).means(programs(1, 9));
            assertTrue(System.nanoTime() - t0 >= 90_000_000L, "sent before every run waited");
            assertEquals(List.of(1, 10, 9), engine.calls);
        }
    }

    /**
     * A run asking its LLM for programs is away: the others' calls go out without it, with no age
     * guard to speak of (an hour), and it counts again once it is back.
     */
    @Test
    void aRunAwayIsNotWaitedFor() throws Exception {
        Engine engine = new Engine();
        try (Batcher batcher = new Batcher(1 << 20, 3_600_000_000_000L);
             Batcher.Member asking = batcher.join(); Batcher.Member busy = batcher.join()) {
            BatchScorer.Evaluator askingLane = asking.lane("DoorKey", 32, engine);
            askingLane.means(programs(0, 1)); // joins (alone, everyone waits)
            double[] s = asking.away(() -> busy.lane("DoorKey", 32, engine).means(programs(1, 10)));
            assertEquals(10, s.length);
            assertEquals(List.of(1, 10), engine.calls);
            // back: a request of its own goes out once both wait again
            ExecutorService threads = Executors.newSingleThreadExecutor();
            try {
                Future<double[]> other = threads.submit(() -> busy.lane("DoorKey", 32, engine).means(programs(1, 3)));
                assertEquals(2, askingLane.means(programs(0, 2)).length);
                assertEquals(3, other.get().length);
                assertEquals(List.of(1, 10, 5), engine.calls, "both runs' requests in one call");
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void oneRunsBadProgramFailsThatRunOnly() throws Exception {
        Engine engine = new Engine();
        List<Node.Program> bad = programs(5, 3);
        engine.refuse = Printer.print(bad.get(1));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (Batcher batcher = new Batcher(1 << 20)) {
            List<Future<double[]>> got = together(batcher, threads, engine, 3, run -> run == 2 ? bad : programs(run, 4));
            for (int r = 0; r < 2; r++) {
                assertArrayEquals(programs(r, 4).stream().mapToDouble(Engine::score).toArray(), got.get(r).get());
            }
            Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> got.get(2).get());
            assertEquals("over capacity: " + engine.refuse, e.getCause().getMessage());
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void lanesAreNeverMerged() {
        Engine doorKey = new Engine(), maze = new Engine();
        try (Batcher batcher = new Batcher(1 << 20); Batcher.Member a = batcher.join()) {
            a.lane("DoorKey", 32, doorKey).means(programs(0, 3));
            a.lane("MazeSparse", 32, maze).means(programs(1, 4));
            assertEquals(List.of(3), doorKey.calls);
            assertEquals(List.of(4), maze.calls);
            Map<String, Object> m = a.metrics();
            assertEquals(2L, m.get("engine_calls"));
            assertEquals(3.5, (Double) m.get("programs_per_call_mean"), 1e-12);
        }
    }

    @Test
    void aLaneNoRunUsesIsDropped() {
        Engine engine = new Engine();
        try (Batcher batcher = new Batcher(1 << 16)) {
            try (Batcher.Member kept = batcher.join()) {
                kept.lane("DoorKey 0-31", 32, engine).means(programs(0, 2));
                for (int i = 0; i < 50; i++) {
                    try (Batcher.Member m = batcher.join()) {
                        // a server sees a new seed list in every request
                        assertEquals(Engine.score(programs(i, 1).get(0)), m.lane("DoorKey " + i, 4, engine).means(programs(i, 1))[0]);
                    }
                }
                assertEquals(1, batcher.lanes(), "the lane of the run still there");
            }
            assertEquals(0, batcher.lanes());
        }
    }

    @Test
    void anInterruptedRequestNotYetInACallIsWithdrawn() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Engine counting = new Engine();
        BatchScorer.Evaluator slow = programs -> {
            inCall.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return counting.means(programs);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Batcher batcher = new Batcher(1 << 16)) {
            Future<double[]> first = threads.submit(() -> {
                try (Batcher.Member m = batcher.join()) {
                    return m.lane("DoorKey", 4, slow).means(programs(0, 3));
                }
            });
            assertTrue(inCall.await(10, TimeUnit.SECONDS));
            CountDownLatch started = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<Throwable> withdrawn = new java.util.concurrent.atomic.AtomicReference<>();
            Future<?> second = threads.submit(() -> {
                try (Batcher.Member m = batcher.join()) {
                    BatchScorer.Evaluator lane = m.lane("DoorKey", 4, slow);
                    started.countDown();
                    // the engine is in the first call, so this request can only wait; its caller gives up
                    lane.means(programs(1, 5));
                } catch (RuntimeException e) {
                    withdrawn.set(e);
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            second.cancel(true);
            while (withdrawn.get() == null) Thread.onSpinWait();
            assertTrue(withdrawn.get() instanceof java.util.concurrent.CancellationException, String.valueOf(withdrawn.get()));
            release.countDown();
            assertEquals(3, first.get(10, TimeUnit.SECONDS).length);
            // the engine goes on serving: a new run is answered, and the withdrawn programs never ran
            try (Batcher.Member m = batcher.join()) {
                assertEquals(2, m.lane("DoorKey", 4, counting).means(programs(2, 2)).length);
            }
            assertEquals(List.of(3, 2), counting.calls);
            assertEquals(0, batcher.lanes());
        } finally {
            threads.shutdownNow();
        }
    }
}
