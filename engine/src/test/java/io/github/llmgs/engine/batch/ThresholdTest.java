package io.github.llmgs.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thresholds on the CPU backend: a program above its threshold keeps its exact score, one stopped
 * early is truly not above it, and the bound behind the stop (every Karel episode returns at most
 * {@link Task#maxReturn}) holds on every episode of a random-program fuzz.
 */
class ThresholdTest {
    private static List<TaskInstance> instances(Task task) {
        List<TaskInstance> out = new ArrayList<>();
        for (int s = 0; s < 32; s++) out.add(task.generate(s));
        return out;
    }

    private static List<Node.Program> programs(int count, long seed) {
        Grammar grammar = new Grammar();
        SplittableRandom rng = new SplittableRandom(seed);
        List<Node.Program> out = new ArrayList<>();
        while (out.size() < count) {
            Node.Program p = grammar.randomProgram(rng);
            if (io.github.llmgs.dsl.bytecode.Capacity.problem(p).isEmpty()) out.add(p);
        }
        return out;
    }

    @Test
    void aProgramAboveItsThresholdKeepsItsScoreAndAStoppedOneIsNotAbove() {
        Random random = new Random(16);
        try (CpuBackend backend = new CpuBackend(2)) {
            for (Task task : Tasks.all()) {
                List<TaskInstance> instances = instances(task);
                List<Node.Program> programs = programs(150, task.name().hashCode());
                BatchResult exact = backend.evaluate(new BatchRequest(task, instances, programs, true, TreeWalker.DEFAULT_MAX_CALLS));
                double[] thresholds = new double[programs.size()];
                for (int k = 0; k < thresholds.length; k++) {
                    // around the program's own score, where a stop is hardest to get right
                    thresholds[k] = switch (k % 4) {
                        case 0 -> exact.mean(k);
                        case 1 -> exact.mean(k) - 1e-12;
                        case 2 -> random.nextDouble() * 2 - 1;
                        default -> Double.NaN;
                    };
                }
                BatchResult bounded = backend.evaluate(new BatchRequest(task, instances, programs, false,
                        TreeWalker.DEFAULT_MAX_CALLS, thresholds));
                int[] ran = bounded.episodesRun();
                long run = 0;
                for (int k = 0; k < programs.size(); k++) {
                    String what = task.name() + " " + Printer.print(programs.get(k)) + " threshold " + thresholds[k];
                    double m = bounded.mean(k);
                    if (m == BatchResult.NOT_ABOVE) {
                        assertTrue(exact.mean(k) <= thresholds[k], what + ": stopped, yet its mean is " + exact.mean(k));
                        assertTrue(ran[k] < instances.size(), what);
                    } else {
                        assertEquals(exact.mean(k), m, 0.0, what);
                        assertEquals(instances.size(), ran[k], what);
                    }
                    for (int i = 0; i < instances.size(); i++) {
                        // up to the rounding of a sum of rewards (OneStroke adds 1/M M times), which the stop's margin covers
                        assertTrue(exact.episode(k, i).ret() <= task.maxReturn() + 1e-12, what + " seed " + i + " returns " + exact.episode(k, i).ret());
                    }
                    run += ran[k];
                }
                assertTrue(run < (long) programs.size() * instances.size(), task.name() + ": some episodes are spared");
            }
        }
    }

    /**
     * Groups of ten (a climbing step each) with the threshold of a middling score: every program
     * up to its group's first one above the threshold is answered as without groups, the first
     * above keeps its exact score, and a skipped program comes only after it.
     */
    @Test
    void aGroupIsAnsweredUpToItsFirstProgramAboveItsThreshold() {
        for (int threads : new int[] {1, 2, 3}) {
            try (CpuBackend backend = new CpuBackend(threads)) {
                for (Task task : List.of(Tasks.byName("DoorKey"), Tasks.byName("Harvester"), Tasks.byName("StairClimber"))) {
                    List<TaskInstance> instances = instances(task);
                    List<Node.Program> programs = programs(200, task.name().hashCode() + threads);
                    BatchResult exact = backend.evaluate(new BatchRequest(task, instances, programs, false, TreeWalker.DEFAULT_MAX_CALLS));
                    double[] sorted = exact.means();
                    java.util.Arrays.sort(sorted);
                    double threshold = sorted[sorted.length * 3 / 4]; // a quarter of programs pass, at most
                    double[] thresholds = new double[programs.size()];
                    java.util.Arrays.fill(thresholds, threshold);
                    int[] groups = new int[programs.size()];
                    for (int k = 0; k < groups.length; k++) groups[k] = k % 50 == 49 ? -1 : k / 10;
                    BatchResult cut = backend.evaluate(new BatchRequest(task, instances, programs, false,
                            TreeWalker.DEFAULT_MAX_CALLS, thresholds, groups));
                    int skipped = 0;
                    for (int g = 0; g * 10 < programs.size(); g++) {
                        int first = Integer.MAX_VALUE;
                        for (int k = g * 10; k < g * 10 + 10; k++) {
                            if (groups[k] == g && exact.mean(k) > threshold) first = Math.min(first, k);
                        }
                        for (int k = g * 10; k < g * 10 + 10; k++) {
                            String what = task.name() + " " + threads + " threads, group " + g + " (first above at " + first + "), program " + k
                                    + ": " + Printer.print(programs.get(k));
                            double m = cut.mean(k);
                            if (groups[k] < 0 || k <= first) {
                                assertTrue(!BatchResult.skipped(m), what + " was skipped");
                            }
                            if (groups[k] >= 0 && k > first) {
                                assertTrue(BatchResult.skipped(m), what + " follows its group's first above, yet scored " + m);
                            }
                            if (BatchResult.skipped(m)) {
                                skipped++;
                            } else if (m == BatchResult.NOT_ABOVE) {
                                assertTrue(exact.mean(k) <= threshold, what);
                            } else {
                                assertEquals(exact.mean(k), m, 0.0, what);
                            }
                        }
                    }
                    assertTrue(skipped > 0, task.name() + ": nothing skipped");
                }
            }
        }
    }

    /**
     * Known returns count toward the stop from the first episode: a program runs its unknown
     * instances in order and stops at the first point where its known sum, the returns run so far
     * and the maximum on each instance left cannot pass the threshold. The episodes run are
     * exactly those the rule gives, and every answer is the exact one or truly not above.
     */
    @Test
    void knownReturnsCountTowardTheStopFromTheFirstEpisode() {
        Random random = new Random(3);
        try (CpuBackend backend = new CpuBackend(2)) {
            for (Task task : List.of(Tasks.byName("DoorKey"), Tasks.byName("Harvester"), Tasks.byName("TopOff"))) {
                List<TaskInstance> instances = instances(task);
                int n = instances.size();
                List<Node.Program> programs = programs(150, task.name().hashCode() + 7);
                BatchResult exact = backend.evaluate(new BatchRequest(task, instances, programs, true, TreeWalker.DEFAULT_MAX_CALLS));
                double[] thresholds = new double[programs.size()];
                double[][] known = new double[programs.size()][];
                for (int k = 0; k < programs.size(); k++) {
                    // above the program's mean (a stop may come), at it and just below (none may)
                    thresholds[k] = exact.mean(k) + new double[] {0.2, 0, -1e-12}[k % 3];
                    known[k] = new double[n];
                    for (int i = 0; i < n; i++) {
                        // the last instances known (where the old bound still counted them at the maximum), or any
                        boolean isKnown = k % 2 == 0 ? i >= 8 : random.nextInt(3) > 0;
                        known[k][i] = isKnown ? exact.episode(k, i).ret() : Double.NaN;
                    }
                }
                BatchResult bounded = backend.evaluate(new BatchRequest(task, instances, programs, false,
                        TreeWalker.DEFAULT_MAX_CALLS, thresholds, null, known));
                int[] ran = bounded.episodesRun();
                int stops = 0;
                for (int k = 0; k < programs.size(); k++) {
                    double sum = 0;
                    int left = 0;
                    for (int i = 0; i < n; i++) {
                        if (Double.isNaN(known[k][i])) left++;
                        else sum += known[k][i];
                    }
                    int expected = 0;
                    boolean stop = false;
                    for (int i = 0; i < n && !stop; i++) {
                        if (!Double.isNaN(known[k][i])) continue;
                        stop = sum + left * task.maxReturn() < thresholds[k] * n - CpuBackend.STOP_MARGIN;
                        if (stop) break;
                        sum += exact.episode(k, i).ret();
                        left--;
                        expected++;
                    }
                    String what = task.name() + " " + Printer.print(programs.get(k)) + " threshold " + thresholds[k];
                    assertEquals(expected, ran[k], what + ": episodes run");
                    if (stop) {
                        stops++;
                        assertEquals(BatchResult.NOT_ABOVE, bounded.mean(k), 0.0, what);
                        assertTrue(exact.mean(k) <= thresholds[k], what);
                    } else {
                        assertEquals(exact.mean(k), bounded.mean(k), 0.0, what);
                    }
                }
                assertTrue(stops > 10, task.name() + ": only " + stops + " stops");
            }
        }
    }

    @Test
    void thresholdsAndGroupsAreOnePerProgramAndNotForPerEpisodeResults() {
        Task task = Tasks.byName("DoorKey");
        List<TaskInstance> instances = instances(task);
        List<Node.Program> programs = programs(2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest(task, instances, programs, false, 100, new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest(task, instances, programs, true, 100, new double[2]));
        // groups: with thresholds, one per program, -1 or more
        assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest(task, instances, programs, false, 100, null, new int[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest(task, instances, programs, false, 100, new double[2], new int[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest(task, instances, programs, false, 100, new double[2], new int[] {0, -2}));
    }
}
