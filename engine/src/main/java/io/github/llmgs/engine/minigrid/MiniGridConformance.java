package io.github.llmgs.engine.minigrid;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.dsl.minigrid.MiniGrid;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.engine.conformance.VectorFiles;
import io.github.llmgs.engine.conformance.VectorFormatException;
import io.github.llmgs.engine.conformance.VectorLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds MiniGrid to the reference's vectors (the layout of shared/conformance/minigrid, documented
 * in spec/minigrid.md section 1). Checks, each counted once:
 * <ul>
 *   <li>{@code instances.jsonl}: each (task, seed) instance, every field;
 *   <li>{@code rng.jsonl}: each line, a seed's SeedSequence/PCG64/integers draws or the RNG calls
 *       of one reset;
 *   <li>{@code episodes.jsonl}: each episode (return, steps, calls, crash and terminated flags) on
 *       the given {@link MiniGridEpisodes} backend;
 *   <li>{@code traces.jsonl}: each recorded step, and each trace's end (number of steps, final grid,
 *       return, calls, crash flag), always on the oracle, since only it reports steps.
 * </ul>
 * Returns are compared exactly: every reward is a multiple of 0.5, so the sums carry no rounding
 * and 1e-9 would only hide a bug. {@code meta.json} is documentation and is not read.
 */
public final class MiniGridConformance {
    public static final List<String> FILES = List.of("instances.jsonl", "rng.jsonl", "episodes.jsonl", "traces.jsonl");
    /** The vectors were recorded with the wrapper's runtime default. */
    private static final int MAX_CALLS = ProgramWrapper.DEFAULT_MAX_CALLS;

    private final MiniGridEpisodes backend;
    /** How many programs go to the backend at once: bounds memory, not results. */
    private final int batchPrograms;

    public MiniGridConformance(MiniGridEpisodes backend) {
        this(backend, 256);
    }

    public MiniGridConformance(MiniGridEpisodes backend, int batchPrograms) {
        this.backend = backend;
        this.batchPrograms = batchPrograms;
    }

    /** Every vectors file present in {@code dir}, in {@link #FILES} order; at least one must be there. */
    public ConformanceReport run(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new VectorFormatException(dir + ": no such vectors directory");
        }
        ConformanceReport report = new ConformanceReport();
        boolean any = false;
        for (String f : FILES) {
            if (Files.isRegularFile(dir.resolve(f))) {
                check(dir.resolve(f), report);
                any = true;
            }
        }
        if (!any) {
            throw new VectorFormatException(dir + ": no MiniGrid vectors files (expected any of " + String.join(", ", FILES) + ")");
        }
        return report;
    }

    /** One vectors file, checked by its name ({@code instances.jsonl}, ...). */
    public ConformanceReport runFile(Path file) {
        ConformanceReport report = new ConformanceReport();
        check(file, report);
        return report;
    }

    private void check(Path file, ConformanceReport report) {
        String name = file.getFileName().toString();
        if (!FILES.contains(name)) {
            throw new VectorFormatException(file + ": not a MiniGrid vectors file (expected one of " + String.join(", ", FILES) + ")");
        }
        List<VectorLine> lines = VectorFiles.read(file);
        switch (name) {
            case "instances.jsonl" -> lines.forEach(line -> checkInstance(line, report));
            case "rng.jsonl" -> lines.forEach(line -> checkRng(line, report));
            case "episodes.jsonl" -> checkEpisodes(lines, report);
            case "traces.jsonl" -> lines.forEach(line -> checkTrace(line, report));
            default -> throw new IllegalStateException(name);
        }
    }

    private static MiniGridTask task(VectorLine line) {
        try {
            return MiniGridTasks.byName(line.textField("task"));
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(line.where() + ": " + e.getMessage());
        }
    }

    private static long seed(VectorLine line) {
        long seed = line.longField("seed");
        if (seed < 0) throw new VectorFormatException(line.where() + ": field 'seed' is negative");
        return seed;
    }

    private static String where(MiniGridTask task, long seed, VectorLine line) {
        return task.name() + " seed " + seed + " (line " + line.number() + ")";
    }

    // ---- instances.jsonl

    private void checkInstance(VectorLine line, ConformanceReport report) {
        MiniGridTask task = task(line);
        long seed = seed(line);
        MiniGridWorld w = MiniGridWorld.generate(task, seed);
        Differences d = new Differences();
        d.check("width", line.intField("width"), w.width);
        d.check("height", line.intField("height"), w.height);
        List<String> grid = strings(line, "grid");
        d.check("grid", grid, w.render());
        d.check("agent", position(line, "agent"), List.of(w.agentX, w.agentY));
        d.check("agent_dir", line.intField("agent_dir"), w.agentDir);
        d.check("agent_pos_is_ndarray", line.field("agent_pos_is_ndarray").asBoolean(), w.agentPosIsArray);
        JsonNode carrying = line.nullableField("carrying");
        d.check("carrying", carrying.isNull() ? null : carrying.asText(), w.carryingText());
        d.check("mission", line.textField("mission"), w.mission);
        d.check("max_steps", line.intField("max_steps"), w.maxSteps);
        d.check("step_count", line.intField("step_count"), w.stepCount);
        switch (task.name()) {
            case "LavaGap" -> {
                d.check("gap_pos", position(line, "gap_pos"), List.of(w.gapX, w.gapY));
                d.check("goal_pos", position(line, "goal_pos"), List.of(w.goalX, w.goalY));
            }
            case "RedBlueDoor" -> {
                d.check("red_door", position(line, "red_door"), List.of(w.redDoorX, w.redDoorY));
                d.check("blue_door", position(line, "blue_door"), List.of(w.blueDoorX, w.blueDoorY));
            }
            case "PutNear" -> {
                d.check("move_type", line.textField("move_type"), ObjectType.name(w.moveType));
                d.check("move_color", line.textField("move_color"), Color.name(w.moveColor));
                d.check("move_pos", position(line, "move_pos"), List.of(w.moveX, w.moveY));
                d.check("target_type", line.textField("target_type"), ObjectType.name(w.targetType));
                d.check("target_color", line.textField("target_color"), Color.name(w.targetColor));
                d.check("target_pos", position(line, "target_pos"), List.of(w.targetX, w.targetY));
            }
            default -> throw new IllegalStateException("no instance fields for task " + task.name());
        }
        if (d.none()) {
            report.pass("instances.jsonl");
        } else {
            report.fail("instances.jsonl", where(task, seed, line) + ": " + d + "\nexpected grid:\n"
                    + String.join("\n", grid) + "\ngot:\n" + w.describe());
        }
    }

    private static List<Integer> position(VectorLine line, String field) {
        JsonNode xy = line.arrayField(field, 2);
        return List.of(xy.get(0).asInt(), xy.get(1).asInt());
    }

    private static List<String> strings(VectorLine line, String field) {
        List<String> out = new ArrayList<>();
        line.arrayField(field, -1).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The fields that differ, in the order checked. */
    private static final class Differences {
        private final List<String> found = new ArrayList<>();

        void check(String field, Object want, Object got) {
            if (want == null ? got != null : !want.equals(got)) {
                found.add(field + " expected " + want + ", got " + got);
            }
        }

        boolean none() {
            return found.isEmpty();
        }

        @Override
        public String toString() {
            return String.join("; ", found);
        }
    }

    // ---- rng.jsonl

    private void checkRng(VectorLine line, ConformanceReport report) {
        String kind = line.textField("kind");
        Differences d = new Differences();
        String what;
        switch (kind) {
            case "generator_draws" -> {
                long seed = seed(line);
                what = "generator_draws seed " + seed + " (line " + line.number() + ")";
                generatorDraws(line, seed, d);
            }
            case "reset_calls" -> {
                MiniGridTask task = task(line);
                long seed = seed(line);
                what = "reset_calls " + where(task, seed, line);
                resetCalls(line, task, seed, d);
            }
            default -> throw new VectorFormatException(line.where() + ": unknown rng line kind '" + kind
                    + "' (expected generator_draws or reset_calls)");
        }
        if (d.none()) {
            report.pass("rng.jsonl");
        } else {
            report.fail("rng.jsonl", what + ": " + d);
        }
    }

    private static void generatorDraws(VectorLine line, long seed, Differences d) {
        SeedSequence seq = new SeedSequence(seed);
        long[] pool = seq.pool();
        JsonNode wantPool = line.arrayField("seedseq_pool_u32", 4);
        for (int i = 0; i < 4; i++) d.check("seedseq_pool_u32[" + i + "]", wantPool.get(i).asLong(), pool[i]);
        int[] state = seq.generateState(8);
        JsonNode wantState = line.arrayField("generate_state_u32x8", 8);
        for (int i = 0; i < 8; i++) d.check("generate_state_u32x8[" + i + "]", wantState.get(i).asLong(), state[i] & 0xFFFFFFFFL);
        Pcg64 pcg = new Pcg64(seed);
        d.check("pcg64_state_hex", line.textField("pcg64_state_hex"), hex128(pcg.stateHi(), pcg.stateLo()));
        d.check("pcg64_inc_hex", line.textField("pcg64_inc_hex"), hex128(pcg.incHi(), pcg.incLo()));
        int i = 0;
        for (JsonNode want : line.arrayField("next_uint64_hex", -1)) {
            d.check("next_uint64_hex[" + i++ + "]", want.asText(), String.format("%016x", pcg.next64()));
        }
        Pcg64 fresh = new Pcg64(seed);
        i = 0;
        for (JsonNode want : line.arrayField("next_uint32_hex", -1)) {
            d.check("next_uint32_hex[" + i++ + "]", want.asText(), String.format("%08x", fresh.next32()));
        }
        Generator rng = new Generator(seed);
        i = 0;
        for (JsonNode call : line.arrayField("integers", -1)) {
            long low = call.get(0).asLong();
            long high = call.get(1).asLong();
            d.check("integers[" + i++ + "](" + low + ", " + high + ")", call.get(2).asLong(), rng.integers(low, high));
        }
    }

    private static String hex128(long hi, long lo) {
        return String.format("%016x%016x", hi, lo);
    }

    /** The reset's generator calls, in order, as the vectors write them: {@code integers [low, high] result}. */
    private static void resetCalls(VectorLine line, MiniGridTask task, long seed, Differences d) {
        List<String> got = new ArrayList<>();
        Generator rng = new Generator(seed);
        rng.logCalls((low, high, result) -> got.add("integers [" + low + ", " + high + "] " + result));
        MiniGridWorld.generate(task, rng);
        List<String> want = new ArrayList<>();
        for (JsonNode call : line.arrayField("calls", -1)) {
            if (call.size() != 3 || call.get(1).size() != 2) {
                throw new VectorFormatException(line.where() + ": field 'calls': each call must be [method, [low, high], result]");
            }
            want.add(call.get(0).asText() + " [" + call.get(1).get(0).asLong() + ", " + call.get(1).get(1).asLong() + "] "
                    + call.get(2).asLong());
        }
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            d.check("call " + i, i < want.size() ? want.get(i) : "(none)", i < got.size() ? got.get(i) : "(none)");
        }
    }

    // ---- episodes.jsonl

    /** One episodes.jsonl line, parsed and shape-checked. */
    private record EpisodeCase(VectorLine line, MiniGridTask task, String source, Node.Program program, long[] seeds) {}

    private static Node.Program program(VectorLine line) {
        try {
            return Parser.parse(line.textField("program"), MiniGrid.VOCABULARY);
        } catch (ParseException e) {
            throw new VectorFormatException(line.where() + ": field 'program': " + e.getMessage());
        }
    }

    private void checkEpisodes(List<VectorLine> lines, ConformanceReport report) {
        // everything parsed first, so that a broken line is one error before any episode runs
        Map<String, List<EpisodeCase>> groups = new LinkedHashMap<>();
        for (VectorLine line : lines) {
            MiniGridTask task = task(line);
            Node.Program program = program(line);
            JsonNode seedsNode = line.arrayField("seeds", -1);
            long[] seeds = new long[seedsNode.size()];
            for (int i = 0; i < seeds.length; i++) seeds[i] = seedsNode.get(i).asLong();
            for (String f : List.of("returns", "steps", "calls", "crashed", "terminated")) line.arrayField(f, seeds.length);
            // cases of one task with the same seed list go to the backend together
            groups.computeIfAbsent(task.name() + Arrays.toString(seeds), k -> new ArrayList<>())
                    .add(new EpisodeCase(line, task, line.textField("program"), program, seeds));
        }
        for (List<EpisodeCase> group : groups.values()) {
            for (int from = 0; from < group.size(); from += batchPrograms) {
                List<EpisodeCase> chunk = group.subList(from, Math.min(group.size(), from + batchPrograms));
                EpisodeResult[][] results = backend.evaluate(chunk.get(0).task(),
                        chunk.stream().map(EpisodeCase::program).toList(), chunk.get(0).seeds(), MAX_CALLS);
                for (int p = 0; p < chunk.size(); p++) {
                    compare(chunk.get(p), results[p], report);
                }
            }
        }
    }

    private static void compare(EpisodeCase c, EpisodeResult[] got, ConformanceReport report) {
        VectorLine line = c.line();
        JsonNode returns = line.field("returns"), steps = line.field("steps"), calls = line.field("calls");
        JsonNode crashed = line.field("crashed"), terminated = line.field("terminated");
        boolean allSame = true;
        double sum = 0.0;
        for (int i = 0; i < c.seeds().length; i++) {
            EpisodeResult want = new EpisodeResult(returns.get(i).asDouble(), steps.get(i).asInt(), calls.get(i).asInt(),
                    crashed.get(i).asBoolean(), terminated.get(i).asBoolean());
            sum += got[i].ret();
            if (same(want, got[i])) {
                report.pass("episodes.jsonl");
            } else {
                allSame = false;
                report.fail("episodes.jsonl", String.format("%s program: %s%nexpected %s%ngot      %s%ninitial world:%n%s",
                        where(c.task(), c.seeds()[i], line), c.source(), describe(want), describe(got[i]),
                        MiniGridWorld.generate(c.task(), c.seeds()[i]).describe()));
            }
        }
        JsonNode mean = line.node().get("mean");
        // the mean is implied by the returns; a difference with every episode equal is the mean arithmetic's
        if (allSame && mean != null && mean.isNumber() && sum / c.seeds().length != mean.asDouble()) {
            report.fail("episodes.jsonl", c.task().name() + " (line " + line.number() + ") program: " + c.source()
                    + "\nexpected mean " + mean.asDouble() + ", got " + sum / c.seeds().length);
        }
    }

    /** Exact on the return (==, so 0.0 and -0.0 are the same return, as in the reference's float sum). */
    private static boolean same(EpisodeResult want, EpisodeResult got) {
        return want.ret() == got.ret() && want.steps() == got.steps() && want.calls() == got.calls()
                && want.crashed() == got.crashed() && want.terminated() == got.terminated();
    }

    private static String describe(EpisodeResult e) {
        return "return=" + e.ret() + " steps=" + e.steps() + " calls=" + e.calls() + " crashed=" + e.crashed()
                + " terminated=" + e.terminated();
    }

    // ---- traces.jsonl

    /**
     * A trace on the backend ({@link MiniGridEpisodes#trace}): every step's fields, the final grid,
     * return, calls and crash flag. A mismatch shows the reference's world before and after the step.
     */
    private void checkTrace(VectorLine line, ConformanceReport report) {
        MiniGridTask task = task(line);
        long seed = seed(line);
        String source = line.textField("program");
        Node.Program program = program(line);
        List<String> want = new ArrayList<>();
        for (JsonNode s : line.arrayField("steps", -1)) {
            if (!s.isArray() || s.size() != 9) {
                throw new VectorFormatException(line.where() + ": field 'steps': step " + want.size()
                        + " must be [action, x, y, dir, carrying, reward, terminated, calls, crashed]");
            }
            want.add(MiniGridTrace.Step.text(s.get(0).asText(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt(),
                    s.get(4).isNull() ? null : s.get(4).asText(), s.get(5).asDouble(), s.get(6).asBoolean(),
                    s.get(7).asInt(), s.get(8).asBoolean()));
        }
        List<String> finalGrid = strings(line, "final_grid");

        MiniGridTrace trace = backend.trace(task, program, seed, MAX_CALLS);
        List<String> got = trace.steps().stream().map(MiniGridTrace.Step::text).toList();
        String where = where(task, seed, line) + " program: " + source;
        for (int i = 0; i < want.size(); i++) {
            if (i < got.size() && want.get(i).equals(got.get(i))) {
                report.pass("traces.jsonl");
            } else if (i < got.size()) {
                List<String> worlds = referenceWorlds(task, program, seed);
                report.fail("traces.jsonl", where + "\nstep " + i + " expected " + want.get(i) + "\nstep " + i + " got      "
                        + got.get(i) + "\nthe reference's world before the step:\n" + worlds.get(i)
                        + "\nand after it:\n" + (i + 1 < worlds.size() ? worlds.get(i + 1) : "(the reference took no such step)"));
            } else {
                report.fail("traces.jsonl", where + "\nstep " + i + " expected " + want.get(i) + "\nbut the episode ended after "
                        + got.size() + " steps");
            }
        }
        EpisodeResult result = trace.result();
        Differences d = new Differences();
        d.check("steps", want.size(), got.size());
        d.check("final_grid", finalGrid, trace.end().render());
        if (line.field("return").asDouble() != result.ret()) {
            d.check("return", line.field("return").asDouble(), result.ret());
        }
        d.check("calls", line.intField("calls"), result.calls());
        d.check("crashed", line.field("crashed").asBoolean(), result.crashed());
        if (d.none()) {
            report.pass("traces.jsonl");
        } else {
            report.fail("traces.jsonl", where + "\nat the end: " + d + "\nexpected final grid:\n" + String.join("\n", finalGrid)
                    + "\ngot:\n" + trace.end().describe());
        }
    }

    /** The oracle's world at the start and after each of its steps, for failure messages only. */
    private static List<String> referenceWorlds(MiniGridTask task, Node.Program program, long seed) {
        ProgramWrapper wrapper = new ProgramWrapper(MiniGridWorld.generate(task, seed), MAX_CALLS);
        List<String> worlds = new ArrayList<>(List.of(wrapper.world().describe()));
        wrapper.logTo(new MiniGridStepLog() {
            @Override
            public void action(Action a, MiniGridWorld w, double r, boolean t, int calls, boolean crashed) {
                worlds.add(w.describe());
            }

            @Override
            public void condition(Feature f, int argument, boolean value, int calls, boolean crashed) {}
        });
        new MiniGridWalker(wrapper).run(program);
        return worlds;
    }
}
