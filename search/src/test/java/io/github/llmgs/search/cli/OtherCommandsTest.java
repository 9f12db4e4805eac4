package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conformance, tasks, show, and the top level. */
class OtherCommandsTest {
    @Test
    void conformanceOnTheVectorSubset() {
        Cli.Result r = Cli.run("conformance", "--vectors", Cli.vectors().toString()).assertOk();
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("backend reference ("), r::show);
        // 20 instances + 60 RandomState draws + 128 tape draws + 22 programs x 32 episodes
        assertEquals("912 passed, 0 failed", lines.get(lines.size() - 1), r::show);
    }

    @Test
    void conformanceMismatchExitsOne(@TempDir Path dir) throws IOException {
        String line = Files.readAllLines(Cli.vectors().resolve("episodes.jsonl")).get(0);
        // the first StairClimber program really takes 1 step on seed 0: claim 2
        Files.writeString(dir.resolve("episodes.jsonl"), line.replaceFirst("\"steps\": \\[1,", "\"steps\": [2,") + "\n");
        Cli.Result r = Cli.run("conformance", "--vectors", dir.toString(), "--backend", "reference");
        assertEquals(1, r.code(), r::show);
        assertTrue(r.out().contains("expected return=0.0 steps=2 calls=1 crashed=false"), r::show);
        assertTrue(r.out().strip().endsWith("31 passed, 1 failed"), r::show);
    }

    @Test
    void malformedVectorsAreOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("episodes.jsonl");
        Files.writeString(file, "{\"task\": \"Maze\", \"program\": \"DEF run m( move m)\"}\n");
        Cli.run("conformance", "--vectors", dir.toString())
                .assertUserError(file + ":1: missing field 'seeds'");
        Files.writeString(file, "{\"task\": \"Maze\",\n");
        Cli.run("conformance", "--vectors", dir.toString()).assertUserError(file + ":1:17: malformed JSON (Unexpected end-of-input within/between Object entries)");
    }

    @Test
    void missingVectorsDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        Cli.run("conformance", "--vectors", missing.toString()).assertUserError(missing + ": no such vectors directory");
        Cli.run("conformance").assertUserError("Missing required option: '--vectors=DIR' (see 'llmgs conformance --help')");
    }

    /** The README's GPU check, on whatever OpenCL device is here (PoCL in CI). */
    @Test
    void conformanceOnAnOpenClDevice() {
        EvalCommandTest.requireOpenCl();
        Cli.Result r = Cli.run("conformance", "--vectors", Cli.vectors().toString(), "--backend", "opencl", "--device", "0")
                .assertOk();
        assertTrue(r.out().startsWith("backend opencl ("), r::show);
        assertTrue(r.out().strip().endsWith("912 passed, 0 failed"), r::show);
    }

    @Test
    void conformanceBackendOptionsAreOneLine() {
        EvalCommandTest.requireOpenCl();
        String vectors = Cli.vectors().toString();
        Cli.run("conformance", "--vectors", vectors, "--backend", "opencl", "--device", "99")
                .assertUserErrorStartsWith("OpenCL device 99 not found; devices: 0: ");
        Cli.run("conformance", "--vectors", vectors, "--threads", "100000")
                .assertUserError("--threads 100000 is out of range: use 0 (all cores) or 1..4096");
        Cli.run("conformance", "--vectors", vectors, "--backend", "cpu", "--threads", "1").assertOk();
    }

    @Test
    void profileTakesDeviceAndThreads(@TempDir Path dir) throws IOException {
        EvalCommandTest.requireOpenCl();
        Path workload = dir.resolve("w.txt");
        Files.writeString(workload, "DEF run m( move m)\nDEF run m( turnLeft move m)\n");
        String[] common = {"profile", "--workload", workload.toString(), "--task", "DoorKey", "--repeat", "1", "--warmup", "0"};
        Cli.Result r = Cli.run(concat(common, "--backend", "opencl", "--device", "0"));
        assertEquals(0, r.code(), r::show);
        assertTrue(r.out().contains("backend     opencl"), r::show);
        Cli.run(concat(common, "--backend", "opencl", "--device", "nonsense"))
                .assertUserErrorStartsWith("OpenCL device 'nonsense' not found: no device name contains it; devices: 0: ");
        Cli.run(concat(common, "--backend", "cpu", "--threads", "100000"))
                .assertUserError("--threads 100000 is out of range: use 0 (all cores) or 1..4096");
        Cli.run(concat(common, "--backend", "gpu9"))
                .assertUserErrorStartsWith("unknown backend 'gpu9'; known backends: ");
        Files.writeString(workload, "DEF run m( move m)\nDEF run m( " + "move ".repeat(600) + "m)\n");
        Cli.run(concat(common, "--backend", "cpu"))
                .assertUserError(workload + ":2: program compiles to 601 code words; the engine holds at most 512");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void tasksListsTheEighteenKarelAndThreeMiniGridTasks() {
        Cli.Result r = Cli.run("tasks").assertOk();
        List<String> lines = r.out().lines().toList();
        assertEquals(1 + 18 + 3, lines.size(), r::show);
        assertEquals("task domain size sparse description", lines.get(0).replaceAll("\\s+", " "), r::show);
        List<Task> all = Tasks.all();
        for (int i = 0; i < all.size(); i++) {
            Task t = all.get(i);
            assertEquals(String.format("%-19s %-9s %-8s %-7s %s", t.name(), "karel", t.rows() + " x " + t.cols(),
                    t.sparse() ? "yes" : "no", t.description()), lines.get(i + 1), r::show);
        }
        assertTrue(r.out().contains("WallAvoider         karel     8 x 5    no "), r::show);
        assertTrue(r.out().contains("CleanHouseSparse    karel     14 x 22  yes "), r::show);
        assertEquals(List.of("LavaGap minigrid 6 x 6 no", "RedBlueDoor minigrid 6 x 12 no", "PutNear minigrid 6 x 6 no"),
                lines.subList(19, 22).stream().map(l -> String.join(" ", List.of(l.split("\\s+")).subList(0, 6))).toList(),
                r::show);
    }

    @Test
    void showDrawsAMiniGridInstanceInTheVectorsGlyphs() {
        Cli.Result r = Cli.run("show", "--task", "LavaGap", "--seed", "3").assertOk();
        assertEquals("""
                LavaGap, seed 3: 6 rows x 6 cols; agent at x 1, y 1, facing east
                WeWeWeWeWeWe
                We>>......We
                We....Vr..We
                We....Vr..We
                We....VrGgWe
                WeWeWeWeWeWe
                """, String.join("\n", r.out().lines().toList().subList(0, 7)) + "\n", r::show);
        assertTrue(r.out().contains("legend: .. empty   We wall   Gg goal   Vr lava"), r::show);
        Cli.Result doors = Cli.run("show", "--task", "RedBlueDoor", "--seed", "0").assertOk();
        assertTrue(doors.out().contains("We....Dr....vv..Db....We\n"), doors::show);
    }

    @Test
    void showDrawsTheInstance() {
        Cli.Result r = Cli.run("show", "--task", "DoorKey", "--seed", "0").assertOk();
        assertEquals("""
                DoorKey, seed 0: 8 rows x 8 cols; hero at row 4, col 2, facing east
                ########
                #...#.1#
                #...#..#
                #...#..#
                #.>.#..#
                #.1.#..#
                #...#..#
                ########
                legend: # wall   . empty   1-9 markers   A 10 markers   ^ > v < hero facing north/east/south/west
                        row 0 is the top, col 0 the left; the hero's cell holds no markers
                """, r.out(), r::show);
    }

    @Test
    void showSaysWhatIsUnderTheHero() {
        Cli.Result r = Cli.run("show", "--task", "PathFollow", "--seed", "3").assertOk();
        assertTrue(r.out().contains("facing north"), r::show);
        assertTrue(r.out().contains("the hero's cell holds 1 marker\n"), r::show);
    }

    @Test
    void showErrors() {
        Cli.run("show", "--task", "Bar").assertUserErrorStartsWith("unknown task 'Bar'; known tasks: ");
        Cli.run("show", "--task", "Maze", "--seed", "99999999999")
                .assertUserError("--seed: seed 99999999999 is out of range (seeds are 0..4294967295)");
        Cli.run("show", "--task", "Maze", "--seed", "1.5")
                .assertUserError("--seed: '1.5' is not a seed (a whole number 0..4294967295)");
    }

    @Test
    void topLevel() {
        Cli.Result none = Cli.run();
        assertEquals(2, none.code(), none::show);
        assertTrue(none.err().contains("Usage: llmgs"), none::show);
        Cli.run("serach").assertUserErrorStartsWith("Unmatched argument at index 0: 'serach'");
        Cli.Result help = Cli.run("--help").assertOk();
        for (String sub : List.of("eval", "conformance", "tasks", "show")) {
            assertTrue(help.out().contains("  " + sub + " "), help::show);
        }
        Cli.run("eval", "--help").assertOk();
        assertTrue(Cli.run("--version").assertOk().out().startsWith("llmgs "));
    }

    /** Three LavaGap programs with their means as the reference recorded them (episodes.jsonl): -0.25, -0.84375, 1.0. */
    @Test
    void profileOnAMiniGridTaskReportsTheReferencesChecksum(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("lavagap.txt");
        Files.writeString(w, String.join("\n", "DEF run m( forward m)",
                "DEF run m( WHILE c( front_is_clear c) w( forward w) m)",
                "DEF run m( REPEAT R=19 r( IFELSE c( front_object_type h( lava h) c) i( right forward left i) "
                        + "ELSE e( IFELSE c( front_is_clear c) i( forward i) ELSE e( right e) e) r) m)") + "\n");
        Cli.Result r = Cli.run("profile", "--workload", w.toString(), "--task", "LavaGap", "--warmup", "0", "--repeat", "1",
                "--threads", "2", "--json");
        assertEquals(0, r.code(), r::show);
        assertTrue(r.out().contains("device      Java bytecode VM (MiniGrid), 2 threads"), r::show);
        assertTrue(r.out().contains("checksum    -0.0937500000"), r::show);
        Files.writeString(w, "DEF run m( move m)\n");
        Cli.run("profile", "--workload", w.toString(), "--task", "LavaGap").assertUserError(
                w + ":1:12: unknown token 'move' (a karel action; this is a minigrid program)");
        Cli.run("profile", "--workload", w.toString(), "--task", "LavaGap", "--backend", "reference").assertUserErrorStartsWith(
                w + ":1:12: unknown token 'move'");
    }
}
