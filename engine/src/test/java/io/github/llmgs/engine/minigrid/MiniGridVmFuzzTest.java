package io.github.llmgs.engine.minigrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.FeatureWord;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.engine.vm.BytecodeVm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of MiniGrid: seeded random programs of {@code new Grammar(Domains.MINIGRID)}
 * (half of them then mutated one to three times) x 32 instances (seeds 0..31) of every task, the
 * oracle ({@link MiniGridWalker}) against the bytecode VM ({@link MiniGridCpu}), every field of
 * every episode bit for bit; then the same at a call limit of 8 (episodes that end at the
 * limit and go on counting conditions). Program {@code k} of task {@code t} comes from
 * {@code SplittableRandom(BASE_SEED + 1_000_000 * t + k)}; a mismatch prints the seed, the program
 * and both step logs. {@code -Dllmgs.fuzz.minigridPrograms=N} changes the count per task.
 */
class MiniGridVmFuzzTest {
    static final long BASE_SEED = 20_251_000L;
    static final int INSTANCES = 32;
    static final int PROGRAMS = Integer.getInteger("llmgs.fuzz.minigridPrograms", 1000);
    static final int LOW_CALL_LIMIT = 8;
    private static final int MAX_REPORTED = 3;

    @Test
    void oracleAndVmAgreeOnRandomPrograms() {
        List<String> failures = new ArrayList<>();
        int episodes = 0;
        for (int t = 0; t < MiniGridTasks.ALL.size(); t++) {
            MiniGridTask task = MiniGridTasks.ALL.get(t);
            for (int maxCalls : new int[] {ProgramWrapper.DEFAULT_MAX_CALLS, LOW_CALL_LIMIT}) {
                Pair pair = new Pair(task, maxCalls);
                for (int k = 0; k < PROGRAMS; k++) {
                    long seed = BASE_SEED + 1_000_000L * t + k;
                    Node.Program program = program(seed);
                    for (int i = 0; i < INSTANCES; i++) {
                        episodes++;
                        pair.compare(seed, program, i, failures);
                    }
                }
                System.out.println(pair.summary(PROGRAMS));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first ones:\n" + String.join("\n", failures));
        assertEquals(MiniGridTasks.ALL.size() * PROGRAMS * INSTANCES * 2, episodes);
    }

    /** Words the grammar never draws: other types and colours the world knows, and words that name nothing. */
    @Test
    void everyArgumentWordAgrees() {
        List<String> failures = new ArrayList<>();
        List<Pair> pairs = MiniGridTasks.ALL.stream().map(t -> new Pair(t, ProgramWrapper.DEFAULT_MAX_CALLS)).toList();
        for (FeatureWord f : List.of(Feature.FRONT_OBJECT_TYPE, Feature.FRONT_OBJECT_COLOR)) {
            List<String> words = new ArrayList<>(f.argumentValues());
            words.addAll(List.of("banana", "none", "Red", "grey", "goal", "wall"));
            for (String word : words) {
                String source = "DEF run m( REPEAT R=19 r( IF c( " + f.token() + " h( " + word + " h) c) i( toggle pickup i) "
                        + "IFELSE c( not c( " + f.token() + " h( " + word + " h) c) c) i( forward i) ELSE e( right e) left r) m)";
                Node.Program p = Parser.parse(source, Domains.MINIGRID);
                for (Pair pair : pairs) {
                    for (int i = 0; i < INSTANCES; i++) {
                        pair.compare(-1, p, i, failures);
                    }
                }
            }
            // a word's value is the index the world's cells hold, so the VM sees what the oracle sees
            for (int v = 0; v < f.argumentValues().size(); v++) {
                int index = Arguments.index((Feature) f, f.argumentValues().get(v));
                assertTrue(index == v || index == -1 && List.of("unseen", "agent").contains(f.argumentValues().get(v)),
                        f.token() + " " + f.argumentValues().get(v) + ": " + index);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void batchMeansAreTheOraclesForAnyThreadCount() {
        List<Node.Program> programs = new ArrayList<>();
        for (int k = 0; k < 200; k++) programs.add(program(BASE_SEED + 7_000_000L + k));
        long[] seeds = new long[INSTANCES];
        for (int i = 0; i < INSTANCES; i++) seeds[i] = i;
        for (MiniGridTask task : MiniGridTasks.ALL) {
            double[] oracle;
            try (MiniGridReference e = new MiniGridReference(1)) {
                oracle = e.means(task, programs, seeds, ProgramWrapper.DEFAULT_MAX_CALLS);
            }
            for (int threads : new int[] {1, 3}) {
                try (MiniGridCpu cpu = new MiniGridCpu(threads)) {
                    assertArrayEquals(oracle, cpu.means(task, programs, seeds, ProgramWrapper.DEFAULT_MAX_CALLS),
                            task.name() + " on " + threads + " threads");
                    assertEquals(java.util.Arrays.deepToString(new MiniGridReference(1).evaluate(task, programs.subList(0, 20),
                            seeds, 8)), java.util.Arrays.deepToString(cpu.evaluate(task, programs.subList(0, 20), seeds, 8)),
                            task.name() + ": every episode field at max_calls 8");
                }
            }
        }
    }

    @Test
    void aProgramBeyondTheEngineIsRefusedUpFront() {
        Node.Program fits = Parser.parse("DEF run m( forward m)", Domains.MINIGRID);
        Node.Program tooLong = Parser.parse("DEF run m( " + "left ".repeat(600) + "m)", Domains.MINIGRID);
        try (MiniGridCpu cpu = new MiniGridCpu(1)) {
            io.github.llmgs.engine.batch.CapacityException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.github.llmgs.engine.batch.CapacityException.class, () -> cpu.means(LavaGap.INSTANCE, List.of(fits, tooLong),
                            new long[] {0}, ProgramWrapper.DEFAULT_MAX_CALLS));
            assertEquals("program 1 of the batch: program compiles to 601 code words; the engine holds at most 512", e.getMessage());
        }
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

    /**
     * The oracle and the VM on one task's 32 instances at one call limit, each with its worlds
     * generated once (the oracle over a wrapper per instance, the VM over one reused world).
     */
    private static final class Pair {
        final MiniGridTask task;
        final int maxCalls;
        final ProgramWrapper[] wrappers = new ProgramWrapper[INSTANCES];
        final MiniGridWorld[] starts = new MiniGridWorld[INSTANCES];
        final MiniGridVmWorld vmWorld;
        final BytecodeVm vm;
        final StringBuilder oracleLog = new StringBuilder();
        final StringBuilder vmLog = new StringBuilder();
        long episodes, calls, crashed, atLimit, terminated, nonZero;

        Pair(MiniGridTask task, int maxCalls) {
            this.task = task;
            this.maxCalls = maxCalls;
            for (int i = 0; i < INSTANCES; i++) {
                starts[i] = MiniGridWorld.generate(task, i);
                wrappers[i] = new ProgramWrapper(starts[i], maxCalls);
                wrappers[i].logTo(into(oracleLog));
            }
            vmWorld = new MiniGridVmWorld(task, maxCalls);
            vmWorld.logTo(into(vmLog));
            vm = new BytecodeVm(maxCalls);
        }

        void compare(long seed, Node.Program program, int instance, List<String> failures) {
            oracleLog.setLength(0);
            vmLog.setLength(0);
            EpisodeResult want = new MiniGridWalker(wrappers[instance]).run(program);
            vmWorld.reset(starts[instance]);
            vm.run(MiniGridCpu.compile(program).code(), vmWorld);
            EpisodeResult got = vmWorld.result();
            count(want);
            boolean same = Double.doubleToRawLongBits(want.ret()) == Double.doubleToRawLongBits(got.ret())
                    && want.equals(got) && oracleLog.toString().equals(vmLog.toString());
            if (!same && failures.size() < MAX_REPORTED) {
                failures.add(task.name() + " program seed " + seed + " instance " + instance + " max_calls " + maxCalls
                        + "\n  " + Printer.print(program) + "\n  oracle " + want + "\n  vm     " + got
                        + "\n  start:\n" + starts[instance].describe()
                        + "\n  oracle log:\n" + head(oracleLog) + "  vm log:\n" + head(vmLog));
            }
        }

        private void count(EpisodeResult r) {
            episodes++;
            calls += r.calls();
            if (r.crashed()) crashed++;
            if (r.calls() >= maxCalls) atLimit++;
            if (r.terminated()) terminated++;
            if (r.ret() != 0) nonZero++;
        }

        String summary(int programs) {
            return String.format(java.util.Locale.ROOT, "minigrid differential %-11s %5d programs x %d instances, max_calls %4d: "
                    + "%6.1f calls/episode, %4.1f%% crashed (%4.1f%% at the call limit), %4.1f%% terminated, %4.1f%% non-zero return",
                    task.name(), programs, INSTANCES, maxCalls, (double) calls / episodes, 100.0 * crashed / episodes,
                    100.0 * atLimit / episodes, 100.0 * terminated / episodes, 100.0 * nonZero / episodes);
        }
    }

    private static String head(StringBuilder log) {
        String[] lines = log.toString().split("\n", -1);
        return lines.length <= 300 ? log.toString() : String.join("\n", List.of(lines).subList(0, 300)) + "\n...\n";
    }

    /** One line per action (pose, carrying, reward, flags) and per evaluated feature (its value); appends, no formatting, as it runs for every episode. */
    static MiniGridStepLog into(StringBuilder out) {
        return new MiniGridStepLog() {
            @Override
            public void action(Action action, MiniGridWorld w, double reward, boolean terminated, int calls, boolean crashed) {
                out.append("calls=").append(calls).append(' ').append(action.token()).append(" -> (").append(w.agentX)
                        .append(',').append(w.agentY).append(',').append(w.agentDir).append(") carrying ")
                        .append(w.carryingText()).append(" r=").append(reward).append(terminated ? " END" : "")
                        .append(crashed ? " CRASHED" : "").append('\n');
            }

            @Override
            public void condition(Feature feature, int argument, boolean value, int calls, boolean crashed) {
                // not the argument: the oracle has -1 for "unseen" where the VM has its value, both never true
                out.append("calls=").append(calls).append(' ').append(feature.token()).append(" = ").append(value)
                        .append(crashed ? " CRASHED" : "").append('\n');
            }
        };
    }
}
