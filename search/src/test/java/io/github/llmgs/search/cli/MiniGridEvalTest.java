package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmgs eval} on MiniGrid tasks, held to the reference's recorded episodes and traces. */
class MiniGridEvalTest {
    static final String LAVA_WALK = "DEF run m( WHILE c( front_is_clear c) w( forward w) m)";

    /** For each task, the first recorded program whose 32 returns are not all equal, run with the default seeds. */
    @Test
    void agreesWithTheVectorsOnEveryTask() {
        Set<String> done = new HashSet<>();
        for (JsonNode v : MiniGridVectors.lines("episodes.jsonl")) {
            String task = v.get("task").asText();
            Set<Double> returns = new HashSet<>();
            v.get("returns").forEach(x -> returns.add(x.asDouble()));
            if (returns.size() < 2 || !done.add(task)) continue;
            Cli.Result r = Cli.run("eval", "--task", task, "--program", v.get("program").asText()).assertOk();
            assertTrue(r.out().contains("seeds     0-31 (32 instances), max_calls 1000\n"), r::show);
            assertTrue(r.out().contains("backend   reference (Java tree-walker (MiniGrid oracle), "), r::show);
            assertTrue(r.out().contains("score     " + Numbers.fmt(v.get("mean").asDouble()) + "   (mean return over 32 episodes)"),
                    r::show);
            List<String> rows = tableRows(r.out());
            assertEquals(32, rows.size(), r::show);
            for (int i = 0; i < 32; i++) {
                String want = v.get("seeds").get(i).asLong() + " " + Numbers.fmt(v.get("returns").get(i).asDouble()) + " "
                        + v.get("steps").get(i).asInt() + " " + v.get("calls").get(i).asInt() + " "
                        + yesNo(v.get("crashed").get(i)) + " " + yesNo(v.get("terminated").get(i));
                assertEquals(want, rows.get(i), r::show);
            }
        }
        assertEquals(Set.of("LavaGap", "RedBlueDoor", "PutNear"), done);
    }

    @Test
    void aKnownEpisodeLaidOutLikeKarels() {
        Cli.Result r = Cli.run("eval", "--task", "lavagap", "--program", LAVA_WALK, "--seeds", "0-3").assertOk();
        assertEquals("""
                task      LavaGap (6 x 6, minigrid)
                program   DEF run m( WHILE c( front_is_clear c) w( forward w) m)
                seeds     0-3 (4 instances), max_calls 1000
                """, r.out().lines().limit(3).map(l -> l + "\n").reduce("", String::concat), r::show);
        assertTrue(r.out().contains("score     -0.75   (mean return over 4 episodes)\n\n"
                + "      seed          return  actions   calls  crashed  terminated\n"
                + "         0            -1.0        2       4  yes      yes\n"
                + "         1            -1.0        1       2  yes      yes\n"
                + "         2            -1.0        2       4  yes      yes\n"
                + "         3             0.0        3       7  no       no\n"), r::show);
    }

    /** Every recorded step of a structured program's trace appears as an action line, then the final world. */
    @Test
    void traceShowsEveryRecordedStep() {
        for (JsonNode trace : MiniGridVectors.lines("traces.jsonl").subList(0, 6)) {
            String task = trace.get("task").asText();
            long seed = trace.get("seed").asLong();
            Cli.Result r = Cli.run("eval", "--task", task, "--program", trace.get("program").asText(), "--seeds",
                    Long.toString(seed), "--trace", Long.toString(seed)).assertOk();
            String out = r.out();
            String traceText = out.substring(out.indexOf("trace of seed " + seed + " (tree-walking reference interpreter"));
            List<String> actions = traceText.lines().filter(l -> l.startsWith("calls=") && l.contains(" -> ")).toList();
            JsonNode steps = trace.get("steps");
            assertEquals(steps.size(), actions.size(), r::show);
            for (int i = 0; i < steps.size(); i++) {
                JsonNode s = steps.get(i);
                String want = String.format("calls=%d %-7s -> (%d,%d,%c) carrying %s r=%s%s%s", s.get(7).asInt(), s.get(0).asText(),
                        s.get(1).asInt(), s.get(2).asInt(), ">v<^".charAt(s.get(3).asInt()),
                        s.get(4).isNull() ? "nothing" : s.get(4).asText(), s.get(5).asDouble(),
                        s.get(6).asBoolean() ? " END" : "", s.get(8).asBoolean() ? " CRASHED" : "");
                assertEquals(want, actions.get(i), r::show);
            }
            // the final world is the recorded grid with the agent drawn over its cell
            List<String> lines = traceText.lines().toList();
            int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("final world (agent at x ")).findFirst().orElseThrow());
            JsonNode last = steps.get(steps.size() - 1);
            List<String> grid = new ArrayList<>();
            trace.get("final_grid").forEach(g -> grid.add(g.asText()));
            int x = last.get(1).asInt(), y = last.get(2).asInt();
            String arrow = String.valueOf(">v<^".charAt(last.get(3).asInt())).repeat(2);
            grid.set(y, grid.get(y).substring(0, 2 * x) + arrow + grid.get(y).substring(2 * x + 2));
            assertEquals(grid, lines.subList(at + 1, at + 1 + grid.size()), r::show);
            assertTrue(lines.get(at + 1 + grid.size()).startsWith("return " + Numbers.fmt(trace.get("return").asDouble())
                    + ", actions " + steps.size() + ", calls " + trace.get("calls").asInt() + ", crashed "
                    + yesNo(trace.get("crashed")) + ", terminated "), r::show);
        }
    }

    @Test
    void traceShapeWithConditionsAndWorlds() {
        Cli.Result r = Cli.run("eval", "--task", "LavaGap", "--program", LAVA_WALK, "--seeds", "0", "--trace", "0").assertOk();
        assertTrue(r.out().endsWith("""
                trace of seed 0 (tree-walking reference interpreter; after each action: (x,y,facing))
                initial world (agent at x 1, y 1, facing east):
                WeWeWeWeWeWe
                We>>..Vr..We
                We....Vr..We
                We........We
                We....VrGgWe
                WeWeWeWeWeWe
                calls=1 front_is_clear = true
                calls=2 forward -> (2,1,>) carrying nothing r=0.0
                calls=3 front_is_clear = true
                calls=4 forward -> (3,1,>) carrying nothing r=-1.0 END CRASHED
                final world (agent at x 3, y 1, facing east, carrying nothing):
                WeWeWeWeWeWe
                We....>>..We
                We....Vr..We
                We........We
                We....VrGgWe
                WeWeWeWeWeWe
                return -1.0, actions 2, calls 4, crashed yes, terminated yes
                """), r::show);
        Cli.Result args = Cli.run("eval", "--task", "PutNear", "--seeds", "0", "--trace", "0", "--program",
                "DEF run m( IF c( front_object_type h( ball h) c) i( pickup i) IF c( front_object_color h( purple h) c) i( left i) m)")
                .assertOk();
        assertTrue(args.out().contains("calls=1 front_object_type h( ball h) = false\ncalls=2 front_object_color h( purple h) = false\n"),
                args::show);
    }

    @Test
    void programsOfTheOtherDomainAreOneLineWithTheirPosition(@TempDir Path dir) throws IOException {
        Cli.run("eval", "--task", "LavaGap", "--program", "DEF run m( forward move m)")
                .assertUserError("--program: 1:20: unknown token 'move' (a karel action; this is a minigrid program)");
        Cli.run("eval", "--task", "Maze", "--program", "DEF run m( WHILE c( front_is_clear c) w( move w) m)")
                .assertUserError("--program: 1:21: unknown token 'front_is_clear' (a minigrid feature; this is a karel program)");
        Path file = dir.resolve("walk.txt");
        Files.writeString(file, "DEF run m(\n  forward\n  turnLeft\nm)\n");
        Cli.run("eval", "--task", "RedBlueDoor", "--program-file", file.toString())
                .assertUserError(file + ":3:3: unknown token 'turnLeft' (a karel action; this is a minigrid program)");
        Files.writeString(file, "DEF run m(\n  toggle\n  forward\nm)\n");
        Cli.Result r = Cli.run("eval", "--task", "RedBlueDoor", "--program-file", file.toString(), "--seeds", "0").assertOk();
        assertEquals(List.of("0 0.0 2 2 no no"), tableRows(r.out()), r::show);
    }

    @Test
    void everyBackendRunsMiniGridAlike() {
        Cli.Result cpu = Cli.run("eval", "--task", "LavaGap", "--program", LAVA_WALK, "--backend", "cpu").assertOk();
        assertTrue(cpu.out().contains("backend   cpu (Java bytecode VM (MiniGrid), "), cpu::show);
        assertEquals(tableRows(Cli.run("eval", "--task", "LavaGap", "--program", LAVA_WALK).assertOk().out()), tableRows(cpu.out()),
                "the VM's episodes are the oracle's");
        Cli.Result auto = Cli.run("eval", "--task", "LavaGap", "--program", LAVA_WALK, "--seeds", "0", "--backend", "auto");
        assertEquals(0, auto.code(), auto::show);
        String picked = auto.err().startsWith("backend auto: using cpu (") ? "cpu" : "opencl";
        assertTrue(auto.err().startsWith("backend auto: using " + picked) && auto.out().contains("backend   " + picked + " ("),
                auto::show);
        Cli.Result r = Cli.run("eval", "--task", "LavaGap", "--program", LAVA_WALK, "--seeds", "0", "--backend", "reference",
                "--threads", "1").assertOk();
        assertTrue(r.out().contains("backend   reference (Java tree-walker (MiniGrid oracle), 1 thread)\n"), r::show);
        EvalCommandTest.requireOpenCl();
        for (String task : List.of("LavaGap", "RedBlueDoor", "PutNear")) {
            Cli.Result cl = Cli.run("eval", "--task", task, "--program", LAVA_WALK, "--backend", "opencl", "--device", "0").assertOk();
            assertTrue(cl.out().contains("backend   opencl ("), cl::show);
            assertEquals(tableRows(Cli.run("eval", "--task", task, "--program", LAVA_WALK).assertOk().out()), tableRows(cl.out()),
                    "the kernel's episodes are the oracle's on " + task);
        }
        Cli.run("eval", "--task", "LavaGap", "--program", LAVA_WALK, "--backend", "opencl", "--device", "99")
                .assertUserErrorStartsWith("OpenCL device 99 not found; devices: 0: ");
    }

    /** --config takes a MiniGrid run-settings file, whose max_calls reaches the oracle; Karel's is refused. */
    @Test
    void runSettingsOfTheTasksDomain(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("tight.json");
        Files.writeString(config, Files.readString(resource("/configs/minigrid.json"))
                .replace("\"max_calls\": 1000", "\"max_calls\": 3").replace("\"seeds\": \"0-31\"", "\"seeds\": \"5-6\"")
                .replace("\"instances\": 32", "\"instances\": 2"));
        Cli.Result r = Cli.run("eval", "--task", "LavaGap", "--program", "DEF run m( left left left left left m)", "--config",
                config.toString()).assertOk();
        assertTrue(r.out().contains("seeds     5,6 (2 instances), max_calls 3\n"), r::show);
        assertEquals(List.of("5 0.0 3 3 yes no", "6 0.0 3 3 yes no"), tableRows(r.out()), r::show);
        Path karel = resource("/configs/karel.json");
        Cli.run("eval", "--task", "LavaGap", "--program", LAVA_WALK, "--config", karel.toString()).assertUserError("--config " + karel
                + ": run settings of domain karel, but task LavaGap is a minigrid task (see configs/minigrid.json)");
        Cli.run("eval", "--task", "Maze", "--program", "DEF run m( move m)", "--config", config.toString()).assertUserError("--config "
                + config + ": run settings of domain minigrid, but task Maze is a karel task (see configs/karel.json)");
    }

    @Test
    void unknownTasksListBothDomains() {
        Cli.run("eval", "--task", "LavaGapp", "--program", LAVA_WALK)
                .assertUserErrorStartsWith("unknown task 'LavaGapp'; known tasks: StairClimber, ");
        Cli.Result r = Cli.run("eval", "--task", "LavaGapp", "--program", LAVA_WALK);
        assertTrue(r.err().strip().endsWith(", PathFollow, LavaGap, RedBlueDoor, PutNear"), r::show);
    }

    /** The run settings the build copies from ../configs onto the classpath. */
    private static Path resource(String name) {
        try {
            return Path.of(Cli.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String yesNo(JsonNode b) {
        return b.asBoolean() ? "yes" : "no";
    }

    /** The episode table's rows, columns joined by one space. */
    static List<String> tableRows(String out) {
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : out.lines().toList()) {
            if (line.strip().startsWith("seed ")) {
                in = true;
                continue;
            }
            if (in) {
                if (line.isBlank()) break;
                rows.add(line.strip().replaceAll("\\s+", " "));
            }
        }
        return rows;
    }
}
