package io.github.llmgs.kernels.minigrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.CapacityException;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.LavaGap;
import io.github.llmgs.engine.minigrid.MiniGridConformance;
import io.github.llmgs.engine.minigrid.MiniGridCpu;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridReference;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import io.github.llmgs.kernels.OpenClTestSupport;
import io.github.llmgs.kernels.WhileTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code minigrid.cl} against the oracle: the public episode vectors (445 programs x 32 seeds,
 * every field), then differential fuzzing as for the CPU VM (seeded random MiniGrid programs,
 * half of them mutated, x 32 instances of every task, at the wrapper's call limit and at 8), bit
 * for bit on return, steps, calls, crash and terminated flags; chunked launches change nothing.
 * Program {@code k} of task {@code t} comes from {@code SplittableRandom(BASE_SEED + 1_000_000 * t + k)};
 * {@code -Dllmgs.fuzz.minigridKernelPrograms=N} changes the count per task.
 */
class MiniGridOpenClTest {
    static final long BASE_SEED = 20_261_202L;
    static final int PROGRAMS = Integer.getInteger("llmgs.fuzz.minigridKernelPrograms", 1000);
    static final int INSTANCES = 32;
    static final int LOW_CALL_LIMIT = 8;
    private static final int MAX_REPORTED = 3;

    private static MiniGridEpisodes kernel;
    private static MiniGridReference oracle;

    @BeforeAll
    static void open() {
        kernel = OpenClTestSupport.openMiniGrid(BackendOptions.defaults());
        oracle = new MiniGridReference(Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    @AfterAll
    static void close() {
        if (kernel != null) kernel.close();
        if (oracle != null) oracle.close();
    }

    /** The public vectors, copied from the engine's test-jar into {@code dir}. */
    static Path vectors(Path dir) throws IOException {
        for (String file : MiniGridConformance.FILES) {
            try (InputStream in = MiniGridOpenClTest.class.getResourceAsStream("/conformance/minigrid/" + file)) {
                if (in == null) throw new IllegalStateException("/conformance/minigrid/" + file + " is not on the test classpath");
                Files.copy(in, dir.resolve(file));
            }
        }
        return dir;
    }

    /** What {@code llmgs conformance --vectors ../shared/conformance/minigrid --backend opencl} checks. */
    @Test
    void everyVectorPasses(@TempDir Path dir) throws IOException {
        ConformanceReport report = new MiniGridConformance(kernel).run(vectors(dir));
        assertTrue(report.failed() == 0, report.mismatches().stream().limit(3).toList().toString());
        assertEquals(34_047, report.passed());
    }

    @Test
    void kernelAndOracleAgreeOnRandomPrograms() {
        long[] seeds = seeds(0, INSTANCES);
        List<String> failures = new ArrayList<>();
        int episodes = 0;
        for (int t = 0; t < MiniGridTasks.ALL.size(); t++) {
            MiniGridTask task = MiniGridTasks.ALL.get(t);
            List<Node.Program> programs = new ArrayList<>();
            for (int k = 0; k < PROGRAMS; k++) programs.add(program(BASE_SEED + 1_000_000L * t + k));
            for (int maxCalls : new int[] {ProgramWrapper.DEFAULT_MAX_CALLS, LOW_CALL_LIMIT}) {
                EpisodeResult[][] want = oracle.evaluate(task, programs, seeds, maxCalls);
                EpisodeResult[][] got = kernel.evaluate(task, programs, seeds, maxCalls);
                for (int k = 0; k < PROGRAMS; k++) {
                    for (int i = 0; i < INSTANCES; i++) {
                        episodes++;
                        if (!same(want[k][i], got[k][i]) && failures.size() < MAX_REPORTED) {
                            failures.add(task.name() + " program seed " + (BASE_SEED + 1_000_000L * t + k) + " instance " + i
                                    + " max_calls " + maxCalls + "\n  " + Printer.print(programs.get(k)) + "\n  oracle "
                                    + want[k][i] + "\n  kernel " + got[k][i] + "\n  start:\n"
                                    + MiniGridWorld.generate(task, seeds[i]).describe());
                        }
                    }
                }
                double[] means = oracle.means(task, programs, seeds, maxCalls);
                assertArrayEquals(means, kernel.means(task, programs, seeds, maxCalls), task.name() + " means at " + maxCalls);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first ones:\n" + String.join("\n", failures));
        assertEquals(MiniGridTasks.ALL.size() * PROGRAMS * INSTANCES * 2, episodes);
    }

    /** Launches of a few pairs (a program split over launches, odd instance counts) give the same episodes. */
    @Test
    void chunkedLaunchesChangeNothing() {
        List<Node.Program> programs = new ArrayList<>();
        for (int k = 0; k < 40; k++) programs.add(program(BASE_SEED + 9_000_000L + k));
        for (MiniGridTask task : MiniGridTasks.ALL) {
            for (long[] seeds : List.of(seeds(100, 7), seeds(0, 32))) {
                String want = java.util.Arrays.deepToString(kernel.evaluate(task, programs, seeds, 300));
                for (int pairs : new int[] {1, 5, 64}) {
                    try (MiniGridEpisodes chunked = OpenClTestSupport.openMiniGrid(new BackendOptions(0, null, pairs))) {
                        assertEquals(want, java.util.Arrays.deepToString(chunked.evaluate(task, programs, seeds, 300)),
                                task.name() + " with " + seeds.length + " instances, " + pairs + " pairs per launch");
                    }
                }
            }
        }
    }

    /**
     * Episodes that record more WHILE states than a work-item's private table holds (walks along
     * the walls, each side its own loop), among random programs that do not: with no large table
     * in the pool every such episode reruns, with one table all but one per launch do, and every
     * episode is the CPU VM's. How many rerun is counted here on the CPU: an episode needs a large
     * table when it records more than {@link WhileTables#SMALL_LIMIT} distinct digests.
     */
    @Test
    void episodesThatOutgrowThePrivateTableAreTheCpuVmsWithOrWithoutAPool() {
        String side = "WHILE c( front_is_clear c) w( forward w) left ";
        String lavaSide = "WHILE c( front_is_clear c) w( IFELSE c( front_object_type h( lava h) c) i( right i) ELSE e( forward e) w) left ";
        List<Node.Program> programs = new ArrayList<>();
        programs.add(Parser.parse("DEF run m( " + side.repeat(40) + "m)", Domains.MINIGRID));
        programs.add(Parser.parse("DEF run m( " + lavaSide.repeat(24) + "m)", Domains.MINIGRID));
        for (int k = 0; k < 300; k++) programs.add(program(BASE_SEED + 7_000_000L + k));
        programs.add(40, Parser.parse("DEF run m( " + side.repeat(20) + "m)", Domains.MINIGRID));
        long[] seeds = seeds(0, INSTANCES);
        int maxCalls = ProgramWrapper.DEFAULT_MAX_CALLS, launch = 1024;
        String before = System.getProperty("llmgs.opencl.whileTables");
        long overflowing = 0;
        try (MiniGridCpu cpu = new MiniGridCpu(2)) {
            for (MiniGridTask task : MiniGridTasks.ALL) {
                String want = java.util.Arrays.deepToString(cpu.evaluate(task, programs, seeds, maxCalls));
                boolean[] needsTable = needsLargeTable(task, programs, seeds, maxCalls);
                long need = 0, launchesWithOne = 0;
                for (int from = 0; from < needsTable.length; from += launch) {
                    long n = 0;
                    for (int i = from; i < Math.min(needsTable.length, from + launch); i++) if (needsTable[i]) n++;
                    need += n;
                    if (n > 0) launchesWithOne++;
                }
                overflowing += need;
                for (int tables = 0; tables < 2; tables++) {
                    System.setProperty("llmgs.opencl.whileTables", Integer.toString(tables));
                    try (MiniGridOpenCl small = (MiniGridOpenCl) OpenClTestSupport.openMiniGrid(new BackendOptions(0, null, launch))) {
                        assertEquals(want, java.util.Arrays.deepToString(small.evaluate(task, programs, seeds, maxCalls)),
                                task.name() + " with " + tables + " large WHILE tables");
                        assertEquals(tables == 0 ? need : need - launchesWithOne, small.retriedPairs(),
                                task.name() + " with " + tables + " large WHILE tables: reruns");
                    }
                }
            }
        } finally {
            if (before == null) System.clearProperty("llmgs.opencl.whileTables");
            else System.setProperty("llmgs.opencl.whileTables", before);
        }
        assertTrue(overflowing > 2 * INSTANCES, "the walks outgrow the private table: " + overflowing + " episodes");
    }

    /** Per episode (program * seeds + seed): whether it records more distinct WHILE digests than the private table takes. */
    private static boolean[] needsLargeTable(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        boolean[] out = new boolean[programs.size() * seeds.length];
        io.github.llmgs.engine.vm.BytecodeVm vm = new io.github.llmgs.engine.vm.BytecodeVm(maxCalls);
        io.github.llmgs.engine.minigrid.MiniGridVmWorld world = new io.github.llmgs.engine.minigrid.MiniGridVmWorld(task, maxCalls);
        int[] keys = new int[1];
        io.github.llmgs.engine.vm.VmWorld counting = new io.github.llmgs.engine.vm.VmWorld() {
            @Override public boolean crashed() { return world.crashed(); }
            @Override public boolean act(int action) { return world.act(action); }
            @Override public boolean perceiveAndCount(int condition) { return world.perceiveAndCount(condition); }
            @Override public long stateKey() { keys[0]++; return world.stateKey(); }
            @Override public void crash() { world.crash(); }
            @Override public boolean callLimitReached() { return world.callLimitReached(); }
        };
        for (int p = 0; p < programs.size(); p++) {
            int[] code = MiniGridCpu.compile(programs.get(p)).code();
            for (int i = 0; i < seeds.length; i++) {
                world.reset(MiniGridWorld.generate(task, seeds[i]));
                keys[0] = 0;
                boolean repeat = vm.run(code, counting) == io.github.llmgs.engine.ExitStatus.WHILE_REPEAT; // its last key was no new digest
                out[p * seeds.length + i] = keys[0] - (repeat ? 1 : 0) > WhileTables.SMALL_LIMIT;
            }
        }
        return out;
    }

    /** The same kernel serves a new task or seed list: starts are uploaded again when they change. */
    @Test
    void startsAreReuploadedWhenTaskOrSeedsChange() {
        List<Node.Program> programs = List.of(Parser.parse("DEF run m( WHILE c( front_is_clear c) w( forward w) left toggle "
                + "IF c( front_object_type h( ball h) c) i( pickup i) m)", Domains.MINIGRID));
        for (long[] seeds : List.of(seeds(0, 32), seeds(32, 32), seeds(0, 5), seeds(0, 32))) {
            for (MiniGridTask task : MiniGridTasks.ALL) {
                assertEquals(java.util.Arrays.deepToString(oracle.evaluate(task, programs, seeds, 10_000)),
                        java.util.Arrays.deepToString(kernel.evaluate(task, programs, seeds, 10_000)), task.name());
            }
        }
    }

    @Test
    void aProgramBeyondTheEngineIsRefusedUpFront() {
        Node.Program fits = Parser.parse("DEF run m( forward m)", Domains.MINIGRID);
        Node.Program tooLong = Parser.parse("DEF run m( " + "left ".repeat(600) + "m)", Domains.MINIGRID);
        CapacityException e = assertThrows(CapacityException.class, () -> kernel.means(LavaGap.INSTANCE, List.of(fits, tooLong),
                new long[] {0}, ProgramWrapper.DEFAULT_MAX_CALLS));
        assertEquals("program 1 of the batch: program compiles to 601 code words; the engine holds at most 512", e.getMessage());
        try (MiniGridCpu cpu = new MiniGridCpu(1)) {
            assertEquals(e.getMessage(), assertThrows(CapacityException.class, () -> cpu.means(LavaGap.INSTANCE,
                    List.of(fits, tooLong), new long[] {0}, 100)).getMessage(), "the same line on every backend");
        }
        assertEquals(e.getMessage(), assertThrows(CapacityException.class, () -> oracle.means(LavaGap.INSTANCE,
                List.of(fits, tooLong), new long[] {0}, 100)).getMessage(), "the same line on every backend");
    }

    static boolean same(EpisodeResult a, EpisodeResult b) {
        return Double.doubleToRawLongBits(a.ret()) == Double.doubleToRawLongBits(b.ret()) && a.equals(b);
    }

    static long[] seeds(long from, int count) {
        long[] s = new long[count];
        for (int i = 0; i < count; i++) s[i] = from + i;
        return s;
    }

    static Node.Program program(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Grammar grammar = new Grammar(Domains.MINIGRID);
        Node.Program p = grammar.randomProgram(rng);
        if (rng.nextBoolean()) {
            Mutator m = new Mutator(grammar);
            for (int n = 1 + rng.nextInt(3); n > 0; n--) p = m.mutate(p, rng);
        }
        return p;
    }
}
