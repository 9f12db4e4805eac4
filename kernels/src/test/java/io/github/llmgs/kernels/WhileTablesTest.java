package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CpuBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounded WHILE memory: launch sizing from the small per-pair bytes plus the pool, and the
 * overflow paths (an episode moving to a large table from the pool, and a pair rerun because the
 * pool was empty) giving the CPU backend's results bit for bit.
 */
class WhileTablesTest {
    private static final long GB = 1L << 30;

    @Test
    void poolHasOneTablePerSixteenPairsAndAtLeastAProgramsInstances() {
        assertEquals(1, WhileTables.tables(1));
        assertEquals(7, WhileTables.tables(7), "never more tables than pairs");
        assertEquals(32, WhileTables.tables(100));
        assertEquals(32, WhileTables.tables(512));
        assertEquals(33, WhileTables.tables(513));
        assertEquals(4096, WhileTables.tables(1 << 16));
        assertEquals(WhileTables.SMALL_SLOTS * 3 / 4, WhileTables.SMALL_LIMIT);
        assertEquals(io.github.llmgs.engine.ExitStatus.values().length, WhileTables.STATUS_RETRY, "after every real status");
    }

    @Test
    void largestLaunchIsTheMostPairsThatFit() {
        long capacity = KernelSource.whileCapacity(10_000);
        long perPair = OpenClBackend.OUTPUT_BYTES_PER_PAIR;
        for (long global : new long[] {GB / 2, 16 * GB, 80 * GB}) {
            long n = WhileTables.largestLaunch(global, DeviceContext.SCRATCH_SHARE_OF_GLOBAL, global / 4, capacity, perPair, -1);
            long budget = (long) (global * DeviceContext.SCRATCH_SHARE_OF_GLOBAL);
            assertTrue(WhileTables.launchBytes(n, WhileTables.tables(n), capacity, perPair) <= budget, "fits: " + n);
            assertTrue(WhileTables.launchBytes(n + 1, WhileTables.tables(n + 1), capacity, perPair) > budget, "the most: " + n);
        }
        // what README quotes: Karel at max_calls 10,000 (24 bytes of outputs per pair), a quarter of the device
        long at16 = WhileTables.largestLaunch(16 * GB, 0.25, 4 * GB, capacity, perPair, -1);
        long at80 = WhileTables.largestLaunch(80 * GB, 0.25, 20 * GB, capacity, perPair, -1);
        assertEquals(348_832, at16);
        assertEquals(1_744_176, at80);
        assertEquals(21_842, WhileTables.oldLargestLaunch(16 * GB, 0.25, capacity, perPair));
        assertEquals(109_213, WhileTables.oldLargestLaunch(80 * GB, 0.25, capacity, perPair));
        String line = WhileTables.describe(10_000, perPair, 0.25);
        System.out.println(line);
        assertTrue(line.contains("12312 bytes per pair") && line.contains("348832 pairs") && line.contains("1744176 pairs"), line);
        assertEquals(1, WhileTables.largestLaunch(16 * GB, 0.25, 4 * GB, capacity, perPair, 0) / 1_000_000_000L + 1,
                "a pool of 0 tables still keeps one for the retries: the pairs then fit by their own bytes");
    }

    /** Snake's food generator lives in global memory by work-item: a rerun pair, on another work-item, draws the same food. */
    @Test
    void rerunSnakeEpisodesDrawTheSameFood() throws IOException {
        Task task = Tasks.byName("Snake");
        List<TaskInstance> instances = new ArrayList<>();
        for (int s = 0; s < 32; s++) instances.add(task.generate(s));
        List<Node.Program> programs = new ArrayList<>();
        try (InputStream in = WhileTablesTest.class.getResourceAsStream("/neighborhood-1024.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).limit(256)
                    .forEach(l -> programs.add(Parser.parse(l.strip())));
        }
        BatchRequest request = new BatchRequest(task, instances, programs, true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
        BatchResult want;
        try (CpuBackend cpu = new CpuBackend()) {
            want = cpu.evaluate(request);
        }
        String before = System.getProperty("llmgs.opencl.whileTables");
        System.setProperty("llmgs.opencl.whileTables", "0");
        try (OpenClBackend b = OpenClTestSupport.open(BackendOptions.defaults())) {
            assertIdentical(want, b.evaluate(request), "Snake with no large WHILE tables");
            assertTrue(b.retriedPairs() > 32, "Snake episodes outgrow the private table: " + b.retriedPairs());
        } finally {
            if (before == null) System.clearProperty("llmgs.opencl.whileTables");
            else System.setProperty("llmgs.opencl.whileTables", before);
        }
    }

    /** FourCorners programs of the neighbourhood workload whose episodes record more than SMALL_LIMIT digests, and some that do not. */
    private static List<Node.Program> programs() throws IOException {
        List<String> lines;
        try (InputStream in = WhileTablesTest.class.getResourceAsStream("/neighborhood-1024.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        List<Node.Program> out = new ArrayList<>();
        for (int k : new int[] {228, 241, 0, 272, 273, 1, 812, 935, 2, 958, 3}) out.add(Parser.parse(lines.get(k).strip()));
        return out;
    }

    private static void assertIdentical(BatchResult want, BatchResult got, String what) {
        for (int p = 0; p < want.programs(); p++) {
            assertEquals(Double.doubleToLongBits(want.mean(p)), Double.doubleToLongBits(got.mean(p)), what + ": mean of program " + p);
            for (int i = 0; i < want.instances(); i++) {
                Episode a = want.episode(p, i), b = got.episode(p, i);
                assertTrue(DifferentialFuzzTest.bitIdentical(a, b), what + ": program " + p + " instance " + i + ": " + a + " vs " + b);
            }
        }
    }

    @Test
    void episodesThatOutgrowThePrivateTableGetTheCpuResultsFromThePoolAndFromReruns() throws IOException {
        Task task = Tasks.byName("FourCorners");
        List<TaskInstance> instances = new ArrayList<>();
        for (int s = 0; s < 32; s++) instances.add(task.generate(s));
        BatchRequest request = new BatchRequest(task, instances, programs(), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
        BatchResult want;
        try (CpuBackend cpu = new CpuBackend()) {
            want = cpu.evaluate(request);
        }
        long[] retried = new long[3];
        int[] tableCounts = {0, 1, -1}; // no pool: every overflowing pair reruns; one table: one per launch does not; the default
        for (int t = 0; t < tableCounts.length; t++) {
            String before = System.getProperty("llmgs.opencl.whileTables");
            if (tableCounts[t] >= 0) System.setProperty("llmgs.opencl.whileTables", Integer.toString(tableCounts[t]));
            try (OpenClBackend b = OpenClTestSupport.open(new BackendOptions(0, null, 128))) {
                assertIdentical(want, b.evaluate(request), "whileTables " + tableCounts[t]);
                assertIdentical(want, b.evaluate(request), "whileTables " + tableCounts[t] + ", again (stamps of the last launch)");
                retried[t] = b.retriedPairs();
            } finally {
                if (before == null) System.clearProperty("llmgs.opencl.whileTables");
                else System.setProperty("llmgs.opencl.whileTables", before);
            }
        }
        int launches = 2 * (programs().size() * 32 + 127) / 128;
        assertTrue(retried[0] > 2L * 32 * 5, "most of 7 programs' pairs outgrow the private table: " + retried[0]);
        assertTrue(retried[1] < retried[0] && retried[1] >= retried[0] - launches, "one table per launch: " + retried[1]
                + " of " + retried[0]);
        // this batch is dense with them (7 programs of 11), so even the default pool (32 tables per 128 pairs) reruns some
        assertTrue(retried[2] < retried[1], "the default pool: " + retried[2] + " reruns");
    }
}
