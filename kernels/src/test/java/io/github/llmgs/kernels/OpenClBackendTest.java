package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.github.llmgs.engine.batch.CapacityException;
import io.github.llmgs.engine.batch.CpuBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backend's own behaviour: chunking, caches, build failures, lifecycle. */
class OpenClBackendTest {
    private static CpuBackend cpu;
    private static List<Node.Program> plausible;

    @BeforeAll
    static void setUp() throws IOException {
        cpu = new CpuBackend();
        plausible = new ArrayList<>();
        try (InputStream in = OpenClBackendTest.class.getResourceAsStream("/neighborhood-1024.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank()) plausible.add(Parser.parse(line.strip()));
            }
        }
    }

    @AfterAll
    static void tearDown() {
        cpu.close();
    }

    private static List<TaskInstance> instances(Task task, int from, int count) {
        List<TaskInstance> out = new ArrayList<>();
        for (int s = from; s < from + count; s++) out.add(task.generate(s));
        return out;
    }

    private static void assertIdentical(BatchResult want, BatchResult got, String what) {
        assertEquals(want.programs(), got.programs(), what);
        for (int p = 0; p < want.programs(); p++) {
            assertEquals(Double.doubleToLongBits(want.mean(p)), Double.doubleToLongBits(got.mean(p)),
                    what + ": mean of program " + p + " " + want.mean(p) + " vs " + got.mean(p));
            if (!want.hasEpisodes()) continue;
            for (int i = 0; i < want.instances(); i++) {
                Episode a = want.episode(p, i), b = got.episode(p, i);
                assertTrue(DifferentialFuzzTest.bitIdentical(a, b), what + ": program " + p + " instance " + i + ": " + a + " vs " + b);
            }
        }
    }

    @Test
    void resultsDoNotDependOnPairsPerLaunch() {
        OpenClBackend large = OpenClTestSupport.shared();
        for (String name : List.of("DoorKey", "Snake", "CleanHouse", "TopOffSparse")) {
            Task task = Tasks.byName(name);
            BatchRequest request = new BatchRequest(task, instances(task, 0, 32), plausible.subList(0, 256), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
            BatchResult reference = large.evaluate(request);
            assertIdentical(cpu.evaluate(request), reference, name + " cpu vs opencl");
            for (int pairs : new int[] {64, 100, 7}) {
                BatchRequest r = pairs == 7 ? new BatchRequest(task, instances(task, 0, 32), plausible.subList(0, 24), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS) : request;
                BatchResult want = pairs == 7 ? large.evaluate(r) : reference;
                try (OpenClBackend chunked = OpenClTestSupport.open(new BackendOptions(0, null, pairs))) {
                    assertIdentical(want, chunked.evaluate(r), name + " with maxPairsPerLaunch " + pairs);
                }
            }
        }
    }

    @Test
    void launchesHoldWholeProgramsWhenTheyCan() {
        KernelSource.Config config = KernelSource.Config.of(Tasks.byName("DoorKey"), 10_000);
        try (OpenClBackend b64 = OpenClTestSupport.open(new BackendOptions(0, null, 64));
             OpenClBackend b100 = OpenClTestSupport.open(new BackendOptions(0, null, 100));
             OpenClBackend b7 = OpenClTestSupport.open(new BackendOptions(0, null, 7))) {
            assertEquals(64, b64.pairsPerLaunch(config, 32, 1_000_000));
            assertEquals(96, b100.pairsPerLaunch(config, 32, 1_000_000));
            assertEquals(7, b7.pairsPerLaunch(config, 32, 1_000_000));
            assertEquals(32, b64.pairsPerLaunch(config, 32, 32), "never more than the batch");
        }
        int auto = OpenClTestSupport.shared().pairsPerLaunch(config, 32, 1_000_000);
        assertTrue(auto >= 32 && auto % 32 == 0, "default launch size " + auto);
    }

    @Test
    void instancesAreReuploadedWhenTheListChanges() {
        OpenClBackend b = OpenClTestSupport.shared();
        Task doorKey = Tasks.byName("DoorKey"), harvester = Tasks.byName("Harvester");
        List<Node.Program> programs = plausible.subList(100, 164);
        List<BatchRequest> requests = List.of(
                new BatchRequest(doorKey, instances(doorKey, 0, 32), programs, true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS),
                new BatchRequest(doorKey, instances(doorKey, 32, 32), programs, true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS),
                new BatchRequest(doorKey, instances(doorKey, 0, 5), programs, true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS),
                new BatchRequest(harvester, instances(harvester, 0, 32), programs, true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS),
                new BatchRequest(doorKey, instances(doorKey, 0, 32), programs, true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS));
        for (BatchRequest r : requests) {
            assertIdentical(cpu.evaluate(r), b.evaluate(r), r.task().name() + " x " + r.instances().size());
        }
    }

    @Test
    void meansOnlyAndEmptyBatches() {
        OpenClBackend b = OpenClTestSupport.shared();
        Task task = Tasks.byName("Seeder");
        BatchRequest meansOnly = new BatchRequest(task, instances(task, 0, 32), plausible.subList(0, 50), false, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
        BatchResult got = b.evaluate(meansOnly);
        assertFalse(got.hasEpisodes());
        assertIdentical(cpu.evaluate(meansOnly), got, "means only");
        BatchResult empty = b.evaluate(new BatchRequest(task, instances(task, 0, 32), List.of(), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS));
        assertEquals(0, empty.programs());
    }

    @Test
    void otherCallLimitsBuildTheirOwnKernel() {
        OpenClBackend b = OpenClTestSupport.shared();
        Task task = Tasks.byName("FourCorners");
        for (int maxCalls : new int[] {1, 37, 500}) {
            BatchRequest r = new BatchRequest(task, instances(task, 0, 32), plausible.subList(0, 128), true, maxCalls);
            assertIdentical(cpu.evaluate(r), b.evaluate(r), "max_calls " + maxCalls);
        }
    }

    @Test
    void kernelsAreBuiltOncePerConfiguration() {
        OpenClBackend b = OpenClTestSupport.shared();
        KernelSource.Config config = KernelSource.Config.of(Tasks.byName("Maze"), 10_000);
        assertSame(b.kernelFor(config), b.kernelFor(config));
        assertEquals("-DTASK=1 -DSPARSE=0 -DROWS=8 -DCOLS=8 -DMAX_CALLS=10000 -DWHILE_CAPACITY=16384u", config.buildOptions());
    }

    @Test
    void buildFailureCarriesTheBuildLog() {
        try (OpenClBackend b = OpenClTestSupport.open(BackendOptions.defaults())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> b.kernelFor(new KernelSource.Config(99, false, 8, 8, 100)));
            assertTrue(e.getMessage().contains("OpenCL build of karel.cl failed"), e.getMessage());
            assertTrue(e.getMessage().contains("-DTASK=99"), e.getMessage());
            assertTrue(e.getMessage().contains("unknown TASK"), "the build log names the #error: " + e.getMessage());
            int line = java.util.Arrays.asList(KernelSource.resource(KernelSource.KERNEL_FILE).split("\n", -1))
                    .indexOf("#error \"unknown TASK\"") + 1;
            assertTrue(line > 0 && e.getMessage().contains(KernelSource.KERNEL_FILE + ":" + line + ":"),
                    "the build log names karel.cl's line " + line + ", past the inlined files: " + e.getMessage());
        }
    }

    /** The largest program the engine holds runs as on the CPU; one word more never reaches the kernel. */
    @Test
    void programsAtAndBeyondTheEngineLimit() {
        OpenClBackend b = OpenClTestSupport.shared();
        Task task = Tasks.byName("Harvester");
        List<TaskInstance> two = instances(task, 0, 2);
        Node.Program fits = Parser.parse("DEF run m( " + "move pickMarker ".repeat(255) + "move m)"); // 511 + HALT
        try (CpuBackend cpu = new CpuBackend(1)) {
            BatchRequest r = new BatchRequest(task, two, List.of(fits), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
            BatchResult want = cpu.evaluate(r);
            BatchResult got = b.evaluate(r);
            for (int i = 0; i < two.size(); i++) {
                assertEquals(want.episode(0, i), got.episode(0, i));
            }
        }
        Node.Program tooLong = Parser.parse("DEF run m( " + "move pickMarker ".repeat(256) + "m)");
        CapacityException e = assertThrows(CapacityException.class,
                () -> b.evaluate(new BatchRequest(task, two, List.of(fits, tooLong), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS)));
        assertEquals("program 1 of the batch: program compiles to 513 code words; the engine holds at most 512", e.getMessage());
    }

    @Test
    void closeIsIdempotentAndFinal() {
        OpenClBackend b = OpenClTestSupport.open(BackendOptions.defaults());
        Task task = Tasks.byName("Maze");
        BatchRequest r = new BatchRequest(task, instances(task, 0, 4), plausible.subList(0, 3), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
        b.evaluate(r);
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, () -> b.evaluate(r));
    }
}
