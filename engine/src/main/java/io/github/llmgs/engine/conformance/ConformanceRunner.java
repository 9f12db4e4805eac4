package io.github.llmgs.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.bytecode.Capacity;
import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a backend to the reference's vectors (the format of shared/conformance/karel): task
 * instances, episodes (return to 1e-9, steps, calls and crash flag exactly), RandomState draws
 * and Snake's episode tape. Every instance, episode and draw counts as one check.
 */
public final class ConformanceRunner {
    public static final double TOLERANCE = 1e-9;
    static final List<String> FILES = List.of("instances.jsonl", "random_state.jsonl", "snake_tape.jsonl", "episodes.jsonl");

    private final Backend backend;
    /** How many programs go to the backend at once: bounds memory, not results. */
    private final int batchPrograms;

    public ConformanceRunner(Backend backend) {
        this(backend, 256);
    }

    public ConformanceRunner(Backend backend, int batchPrograms) {
        this.backend = backend;
        this.batchPrograms = batchPrograms;
    }

    public ConformanceReport run(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new VectorFormatException(dir + ": no such vectors directory");
        }
        List<Path> present = new ArrayList<>();
        for (String f : FILES) {
            if (Files.isRegularFile(dir.resolve(f))) present.add(dir.resolve(f));
        }
        if (present.isEmpty()) {
            throw new VectorFormatException(dir + ": no vectors files (expected any of " + String.join(", ", FILES) + ")");
        }
        ConformanceReport report = new ConformanceReport();
        for (Path file : present) {
            List<VectorLine> lines = VectorFiles.read(file);
            switch (file.getFileName().toString()) {
                case "instances.jsonl" -> checkInstances(lines, report);
                case "random_state.jsonl" -> checkRandomState(lines, report);
                case "snake_tape.jsonl" -> checkSnakeTape(lines, report);
                case "episodes.jsonl" -> checkEpisodes(lines, report);
                default -> throw new IllegalStateException(file.toString());
            }
        }
        return report;
    }

    private static Task task(VectorLine line) {
        try {
            return Tasks.byName(line.textField("task"));
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(line.where() + ": " + e.getMessage());
        }
    }

    private void checkInstances(List<VectorLine> lines, ConformanceReport report) {
        for (VectorLine line : lines) {
            Task task = task(line);
            int seed = line.intField("seed");
            TaskInstance got = task.generate(seed);
            JsonNode hero = line.arrayField("hero", 3);
            JsonNode grid = line.arrayField("grid", -1);
            String[] want = new String[grid.size()];
            for (int r = 0; r < want.length; r++) want[r] = grid.get(r).asText();
            boolean same = got.rows() == line.intField("rows") && got.cols() == line.intField("cols")
                    && got.heroRow() == hero.get(0).asInt() && got.heroCol() == hero.get(1).asInt()
                    && got.heroDir() == hero.get(2).asInt() && Arrays.equals(got.gridRows(), want);
            if (same) {
                report.pass("instances.jsonl");
            } else {
                report.fail("instances.jsonl", String.format("%s seed %d (line %d): expected hero %s%n%s%ngot hero [%d, %d, %d]%n%s",
                        task.name(), seed, line.number(), hero, String.join("\n", want),
                        got.heroRow(), got.heroCol(), got.heroDir(), String.join("\n", got.gridRows())));
            }
        }
    }

    private void checkRandomState(List<VectorLine> lines, ConformanceReport report) {
        for (VectorLine line : lines) {
            long seed = line.field("seed").asLong();
            RandomState rng = new RandomState(seed);
            for (JsonNode op : line.arrayField("ops", -1)) {
                String kind = op.get(0).asText();
                String got;
                String want;
                switch (kind) {
                    case "randint" -> {
                        want = op.get(3).asText();
                        got = Long.toString(rng.randint(op.get(1).asLong(), op.get(2).asLong()));
                    }
                    case "shuffle" -> {
                        int[] items = new int[op.get(1).asInt()];
                        for (int i = 0; i < items.length; i++) items[i] = i;
                        rng.shuffle(items);
                        want = op.get(2).toString().replace(" ", "");
                        got = Arrays.toString(items).replace(" ", "");
                    }
                    case "random_sample", "rand" -> {
                        double expected = op.get(1).asDouble();
                        double value = rng.randomSample();
                        want = Double.toString(expected);
                        got = value == expected ? want : Double.toString(value);
                    }
                    default -> throw new VectorFormatException(line.where() + ": unknown RandomState op '" + kind + "'");
                }
                if (got.equals(want)) {
                    report.pass("random_state.jsonl");
                } else {
                    report.fail("random_state.jsonl", "seed " + seed + " " + op + ": expected " + want + ", got " + got);
                }
            }
        }
    }

    private void checkSnakeTape(List<VectorLine> lines, ConformanceReport report) {
        for (VectorLine line : lines) {
            long seed = line.field("seed").asLong();
            int rows = line.intField("rows"), cols = line.intField("cols");
            RandomState rng = new RandomState(seed);
            for (JsonNode pair : line.arrayField("pairs", -1)) {
                int r = rng.randint(1, rows - 1);
                int c = rng.randint(1, cols - 1);
                if (r == pair.get(0).asInt() && c == pair.get(1).asInt()) {
                    report.pass("snake_tape.jsonl");
                } else {
                    report.fail("snake_tape.jsonl", "seed " + seed + ": expected " + pair + ", got [" + r + ", " + c + "]");
                }
            }
        }
    }

    /** One episodes.jsonl line, parsed. */
    private record EpisodeCase(VectorLine line, Task task, String source, Node.Program program, int[] seeds) {}

    private void checkEpisodes(List<VectorLine> lines, ConformanceReport report) {
        Map<Task, List<EpisodeCase>> byTask = new LinkedHashMap<>();
        for (VectorLine line : lines) {
            Task task = task(line);
            String source = line.textField("program");
            Node.Program program;
            try {
                program = Parser.parse(source);
            } catch (ParseException e) {
                throw new VectorFormatException(line.where() + ": field 'program': " + e.getMessage());
            }
            Capacity.problem(program).ifPresent(problem -> {
                throw new VectorFormatException(line.where() + ": field 'program': " + problem);
            });
            JsonNode seedsNode = line.arrayField("seeds", -1);
            int[] seeds = new int[seedsNode.size()];
            for (int i = 0; i < seeds.length; i++) seeds[i] = seedsNode.get(i).asInt();
            for (String f : List.of("returns", "steps", "calls", "crashed")) line.arrayField(f, seeds.length);
            byTask.computeIfAbsent(task, t -> new ArrayList<>()).add(new EpisodeCase(line, task, source, program, seeds));
        }
        Map<String, TaskInstance> instanceCache = new HashMap<>();
        for (Map.Entry<Task, List<EpisodeCase>> entry : byTask.entrySet()) {
            // cases with the same seed list go to the backend together
            Map<String, List<EpisodeCase>> bySeeds = new LinkedHashMap<>();
            for (EpisodeCase c : entry.getValue()) {
                bySeeds.computeIfAbsent(Arrays.toString(c.seeds()), k -> new ArrayList<>()).add(c);
            }
            for (List<EpisodeCase> group : bySeeds.values()) {
                Task task = entry.getKey();
                int[] seeds = group.get(0).seeds();
                List<TaskInstance> instances = new ArrayList<>();
                for (int seed : seeds) {
                    instances.add(instanceCache.computeIfAbsent(task.name() + "/" + seed, k -> task.generate(seed)));
                }
                for (int from = 0; from < group.size(); from += batchPrograms) {
                    List<EpisodeCase> chunk = group.subList(from, Math.min(group.size(), from + batchPrograms));
                    List<Node.Program> programs = chunk.stream().map(EpisodeCase::program).toList();
                    BatchResult result = backend.evaluate(new BatchRequest(task, instances, programs, true, TreeWalker.DEFAULT_MAX_CALLS));
                    for (int p = 0; p < chunk.size(); p++) {
                        compare(chunk.get(p), result, p, report);
                    }
                }
            }
        }
    }

    private void compare(EpisodeCase c, BatchResult result, int p, ConformanceReport report) {
        JsonNode returns = c.line().field("returns"), steps = c.line().field("steps");
        JsonNode calls = c.line().field("calls"), crashed = c.line().field("crashed");
        for (int i = 0; i < c.seeds().length; i++) {
            Episode got = result.episode(p, i);
            Episode want = new Episode(returns.get(i).asDouble(), steps.get(i).asInt(), calls.get(i).asInt(),
                    crashed.get(i).asBoolean());
            if (Math.abs(got.ret() - want.ret()) <= TOLERANCE && got.steps() == want.steps()
                    && got.calls() == want.calls() && got.crashed() == want.crashed()) {
                report.pass("episodes.jsonl");
            } else {
                report.fail("episodes.jsonl", String.format(
                        "%s seed %d (line %d) program: %s%nexpected return=%s steps=%d calls=%d crashed=%s%ngot      return=%s steps=%d calls=%d crashed=%s",
                        c.task().name(), c.seeds()[i], c.line().number(), c.source(), want.ret(), want.steps(),
                        want.calls(), want.crashed(), got.ret(), got.steps(), got.calls(), got.crashed()));
            }
        }
    }
}
