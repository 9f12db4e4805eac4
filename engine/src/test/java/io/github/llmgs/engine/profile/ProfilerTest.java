package io.github.llmgs.engine.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profiler's domain-free part on subjects whose pass times are given, so that its ratios are exact. */
class ProfilerTest {
    private static final List<Node.Program> PROGRAMS = List.of(Parser.parse("DEF run m( move m)", Domains.KAREL),
            Parser.parse("DEF run m( turnLeft m)", Domains.KAREL));

    /** Pass {@code k} of this subject takes {@code seconds[k]}; every episode makes one call. */
    private static final class Fake implements ProfileSubject {
        final String name;
        final String task;
        final int instances;
        final double[] seconds;
        final double checksum;
        final List<String> log;
        int passes;

        Fake(String name, String task, int instances, double[] seconds, double checksum, List<String> log) {
            this.name = name;
            this.task = task;
            this.instances = instances;
            this.seconds = seconds;
            this.checksum = checksum;
            this.log = log;
        }

        @Override public String name() { return name; }
        @Override public String device() { return name + " device"; }
        @Override public String task() { return task; }
        @Override public int instances() { return instances; }
        @Override public ProfiledBackend profiled() { return null; }

        @Override
        public Pass pass(List<Node.Program> programs, int batchSize) {
            log.add(name + ":" + batchSize);
            int episodes = programs.size() * instances;
            int[] calls = new int[episodes];
            java.util.Arrays.fill(calls, 1);
            return new Pass(seconds[passes++], episodes, checksum + (passes > 1 && name.equals("drifts") ? 1 : 0), calls,
                    new boolean[episodes]);
        }
    }

    @Test
    void interleavesPassesInRotatingOrderAndTakesTheMedianRatioOfSameRepetitionPairs() {
        List<String> log = new ArrayList<>();
        // after one warm-up pass each: repetition ratios a/b are 2, 4, 1 -> median 2; medians' ratio 2/1.5
        Fake a = new Fake("a", "DoorKey", 4, new double[] {9, 2, 4, 1}, -1.5, log);
        Fake b = new Fake("b", "DoorKey", 4, new double[] {9, 1, 1, 1}, -1.5, log);
        Comparison c = new Profiler(1, 3).profile(List.of(a, b), PROGRAMS, 0, null);
        assertEquals(List.of("a:2", "b:2", "b:2", "a:2", "a:2", "b:2", "b:2", "a:2"), log);
        assertEquals(List.of(1.0, 2.0), c.speedups());
        ProfileResult ra = c.results().get(0), rb = c.results().get(1);
        assertEquals(2.0, ra.medianSeconds());
        assertEquals(1.0, rb.medianSeconds());
        assertArrayEquals(new double[] {2, 4, 1}, ra.passSeconds());
        assertEquals("DoorKey", rb.task());
        assertEquals(4, rb.instances());
        assertEquals(8, rb.calls());
        assertEquals(-1.5, rb.checksum());
        assertEquals(7.0, ra.split().wallSeconds());
        assertEquals(1.0, ra.stats().balance());
        assertEquals(4, ra.stats().lanes());
    }

    @Test
    void refusesSubjectsOfDifferentEpisodesAndANonDeterministicOne() {
        List<String> log = new ArrayList<>();
        Fake doorKey = new Fake("a", "DoorKey", 4, new double[] {1, 1}, 0, log);
        Fake otherInstances = new Fake("b", "DoorKey", 8, new double[] {1, 1}, 0, log);
        Fake otherTask = new Fake("c", "LavaGap", 4, new double[] {1, 1}, 0, log);
        Profiler p = new Profiler(0, 2);
        assertThrows(IllegalArgumentException.class, () -> p.profile(List.of(doorKey, otherInstances), PROGRAMS, 0, null));
        assertThrows(IllegalArgumentException.class, () -> p.profile(List.of(doorKey, otherTask), PROGRAMS, 0, null));
        assertTrue(log.isEmpty(), log::toString);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> p.profile(new Fake("drifts", "DoorKey", 4, new double[] {1, 1}, 0, log), PROGRAMS, 1, null));
        assertTrue(e.getMessage().startsWith("backend drifts is not deterministic"), e::getMessage);
        assertEquals(List.of("drifts:1", "drifts:1"), log);
    }
}
