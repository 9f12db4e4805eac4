package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.StepLog;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CpuBackend;
import io.github.llmgs.engine.vm.BytecodeVm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential fuzzing: seeded random programs x 32 instances (seeds 0..31) of every task variant,
 * the tree-walking oracle vs the CPU bytecode VM vs the OpenCL kernel; then the first 2,000 of
 * them at max_calls 60 (episodes that end at the call limit), and the benchmark's 1,024 plausible
 * programs (long loops, piles of markers). Every episode must agree on
 * return, steps, calls and crash flag; the VM and the kernel bit for bit (their means too).
 *
 * <p>10,000 programs per variant (180,000 in all, 5.76 million episodes per backend; about 40 s
 * on two cores with PoCL), {@code -Dllmgs.fuzz.programsPerTask=N} to change it.
 * Program {@code k} of a variant comes from {@code SplittableRandom(seed)} with
 * {@code seed = BASE_SEED + 1_000_000 * variant + k}: a grammar draw, then (for half of them) one
 * to three mutations, so that both fresh and hill-climbing-like programs appear. A mismatch prints
 * the seed, the program, the oracle's and the VM's step logs and the kernel's numbers.
 */
class DifferentialFuzzTest {
    static final long BASE_SEED = 20_250_000L;
    static final int INSTANCES = 32;
    static final int PROGRAMS_PER_TASK = Integer.getInteger("llmgs.fuzz.programsPerTask", 10_000);
    static final int LOW_CALL_LIMIT = 60;
    static final int LOW_LIMIT_PROGRAMS = 2_000;
    private static final int MAX_REPORTED = 5;
    private static final int LOG_HEAD = 300;
    private static final int LOG_TAIL = 60;

    private static CpuBackend cpu;

    @BeforeAll
    static void openCpu() {
        cpu = new CpuBackend();
    }

    @AfterAll
    static void closeCpu() {
        cpu.close();
    }

    static Stream<Arguments> variants() {
        List<Task> tasks = Tasks.all();
        return IntStream.range(0, tasks.size()).mapToObj(i -> Arguments.of(i, tasks.get(i).name()));
    }

    /** The fuzz program with that seed. */
    static Node.Program program(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Node.Program p = new Grammar().randomProgram(rng);
        if (rng.nextBoolean()) {
            Mutator mutator = new Mutator();
            int mutations = 1 + rng.nextInt(3);
            for (int i = 0; i < mutations; i++) p = mutator.mutate(p, rng);
        }
        return p;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("variants")
    void randomPrograms(int variant, String taskName) {
        List<Node.Program> programs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < PROGRAMS_PER_TASK; k++) {
            long seed = BASE_SEED + 1_000_000L * variant + k;
            programs.add(program(seed));
            labels.add("program seed " + seed);
        }
        check(Tasks.byName(taskName), programs, labels, TreeWalker.DEFAULT_MAX_CALLS);
    }

    /** The first programs again with a small call limit, so that episodes end at the limit. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("variants")
    void randomProgramsAtALowCallLimit(int variant, String taskName) {
        List<Node.Program> programs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < Math.min(PROGRAMS_PER_TASK, LOW_LIMIT_PROGRAMS); k++) {
            long seed = BASE_SEED + 1_000_000L * variant + k;
            programs.add(program(seed));
            labels.add("program seed " + seed + " at max_calls " + LOW_CALL_LIMIT);
        }
        check(Tasks.byName(taskName), programs, labels, LOW_CALL_LIMIT);
    }

    /**
     * The benchmark's 1,024 plausible policies and their mutants: long WHILE loops, markers piled
     * to ten, call limits reached, Snake eating; what random grammar programs rarely do.
     */
    @ParameterizedTest(name = "{1}")
    @MethodSource("variants")
    void neighbourhoodPrograms(int variant, String taskName) throws IOException {
        List<Node.Program> programs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (InputStream in = DifferentialFuzzTest.class.getResourceAsStream("/neighborhood-1024.txt")) {
            assertNotNull(in, "neighborhood-1024.txt on the test classpath");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                programs.add(Parser.parse(lines.get(i).strip()));
                labels.add("neighborhood-1024.txt line " + (i + 1));
            }
        }
        check(Tasks.byName(taskName), programs, labels, TreeWalker.DEFAULT_MAX_CALLS);
    }

    private static void check(Task task, List<Node.Program> programs, List<String> labels, int maxCalls) {
        OpenClBackend opencl = OpenClTestSupport.shared();
        List<TaskInstance> instances = new ArrayList<>();
        for (int s = 0; s < INSTANCES; s++) instances.add(task.generate(s));
        BatchRequest request = new BatchRequest(task, instances, programs, true, maxCalls);
        BatchResult kernel = opencl.evaluate(request);
        BatchResult vm = cpu.evaluate(request);
        Episode[] oracle = new Episode[request.episodes()];
        ExitStatus[] oracleExit = new ExitStatus[request.episodes()];
        TreeWalker walker = new TreeWalker(maxCalls);
        IntStream.range(0, oracle.length).parallel().forEach(i -> {
            TreeWalker.Outcome o = walker.outcome(programs.get(i / INSTANCES), task, instances.get(i % INSTANCES));
            oracle[i] = o.episode();
            oracleExit[i] = o.exit();
        });

        long crashed = 0, callLimit = 0, rewarded = 0, calls = 0;
        for (int i = 0; i < oracle.length; i++) {
            Episode o = oracle[i];
            if (o.crashed()) crashed++;
            if (oracleExit[i] == ExitStatus.CALL_LIMIT) callLimit++;
            if (o.ret() != 0) rewarded++;
            calls += o.calls();
        }
        System.out.printf(Locale.ROOT, "differential %-18s %5d programs x %d instances, max_calls %5d: %6.1f calls/episode, "
                        + "%4.1f%% crashed (%4.1f%% at the call limit), %4.1f%% non-zero return%n",
                task.name(), programs.size(), INSTANCES, maxCalls, (double) calls / oracle.length,
                100.0 * crashed / oracle.length, 100.0 * callLimit / oracle.length, 100.0 * rewarded / oracle.length);

        StringBuilder report = new StringBuilder();
        int mismatches = 0;
        for (int p = 0; p < programs.size(); p++) {
            boolean episodesAgree = true;
            for (int i = 0; i < INSTANCES; i++) {
                Episode o = oracle[p * INSTANCES + i], v = vm.episode(p, i), k = kernel.episode(p, i);
                ExitStatus exit = oracleExit[p * INSTANCES + i];
                boolean exitsAgree = exit == vm.exit(p, i) && exit == kernel.exit(p, i);
                if (!exitsAgree && mismatches < MAX_REPORTED) {
                    report.append("---- ").append(task.name()).append(", ").append(labels.get(p)).append(", instance ")
                            .append(i).append(": exit status oracle ").append(exit).append(", cpu ").append(vm.exit(p, i))
                            .append(", OpenCL ").append(kernel.exit(p, i)).append('\n');
                }
                if (!exitsAgree || !(sameAsOracle(o, v) && sameAsOracle(o, k) && bitIdentical(v, k))) {
                    if (mismatches < MAX_REPORTED) {
                        describe(report, task, labels.get(p), programs.get(p), instances.get(i), maxCalls, o, v, k,
                                vm.mean(p), kernel.mean(p));
                    }
                    mismatches++;
                    episodesAgree = false;
                }
            }
            if (episodesAgree && Double.doubleToLongBits(kernel.mean(p)) != Double.doubleToLongBits(vm.mean(p))) {
                if (mismatches < MAX_REPORTED) {
                    report.append("---- ").append(task.name()).append(", ").append(labels.get(p))
                            .append(": every episode agrees but the means differ: cpu ").append(vm.mean(p))
                            .append(", OpenCL ").append(kernel.mean(p)).append('\n');
                }
                mismatches++;
            }
        }
        int checked = programs.size() * INSTANCES;
        final int found = mismatches;
        assertTrue(found == 0, () -> found + " of " + checked + " " + task.name() + " episodes (or means) disagree (first "
                + Math.min(found, MAX_REPORTED) + " below; rebuild a seeded program with DifferentialFuzzTest.program(seed)):\n"
                + report);
    }

    static boolean sameAsOracle(Episode oracle, Episode e) {
        return Math.abs(oracle.ret() - e.ret()) <= 1e-9 && oracle.steps() == e.steps() && oracle.calls() == e.calls()
                && oracle.crashed() == e.crashed();
    }

    static boolean bitIdentical(Episode a, Episode b) {
        return Double.doubleToLongBits(a.ret()) == Double.doubleToLongBits(b.ret()) && a.steps() == b.steps()
                && a.calls() == b.calls() && a.crashed() == b.crashed();
    }

    private static void describe(StringBuilder out, Task task, String label, Node.Program program, TaskInstance instance,
                                 int maxCalls, Episode oracle, Episode vm, Episode kernel, double vmMean, double kernelMean) {
        out.append("---- ").append(task.name()).append(" instance seed ").append(instance.seed())
                .append(", ").append(label).append('\n');
        out.append("program: ").append(Printer.print(program)).append('\n');
        out.append("initial world:\n").append(instance.toAscii());
        out.append("oracle (tree-walker): ").append(oracle).append('\n');
        out.append("cpu VM:               ").append(vm).append('\n');
        out.append("OpenCL kernel:        ").append(kernel).append('\n');
        out.append("means: cpu ").append(vmMean).append(", OpenCL ").append(kernelMean).append('\n');
        StringBuilder oracleLog = new StringBuilder();
        new TreeWalker(maxCalls).run(program, task, instance, StepLog.into(oracleLog));
        StringBuilder vmLog = new StringBuilder();
        World world = new World(task.rows(), task.cols());
        world.load(instance, maxCalls);
        Reward reward = task.newReward();
        reward.reset(instance, world);
        new BytecodeVm(maxCalls).run(Compiler.compile(program).code(), world, reward, StepLog.into(vmLog));
        out.append("oracle step log:\n").append(truncate(oracleLog.toString()));
        out.append("cpu VM step log:\n").append(truncate(vmLog.toString()));
    }

    /** The first and last lines of a long log. */
    static String truncate(String log) {
        String[] lines = log.split("\n");
        if (lines.length <= LOG_HEAD + LOG_TAIL) return log;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LOG_HEAD; i++) sb.append(lines[i]).append('\n');
        sb.append("  ... ").append(lines.length - LOG_HEAD - LOG_TAIL).append(" lines left out ...\n");
        for (int i = lines.length - LOG_TAIL; i < lines.length; i++) sb.append(lines[i]).append('\n');
        return sb.toString();
    }
}
