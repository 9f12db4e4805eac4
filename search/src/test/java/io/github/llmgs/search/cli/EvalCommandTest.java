package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BackendProvider;
import io.github.llmgs.kernels.OpenClBackendProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    static final String DOORKEY_SOLVE = "DEF run m( turnRight move pickMarker turnLeft turnLeft move move turnRight "
            + "move move move turnLeft move move turnRight move putMarker m)";

    @Test
    void scoresAndTabulatesEachEpisode() {
        Cli.Result r = Cli.run("eval", "--task", "DoorKey", "--program", DOORKEY_SOLVE, "--seeds", "0").assertOk();
        assertTrue(r.out().contains("score     1.0 "), r::show);
        assertTrue(r.out().contains("seeds     0 (1 instance), max_calls 10000"), r::show);
        assertTrue(r.out().contains("backend   reference ("), r::show);
        assertTrue(r.out().contains("program   " + DOORKEY_SOLVE), r::show);
        List<String> rows = tableRows(r.out());
        assertEquals(List.of("0 1.0 17 17 no"), rows, r::show);
    }

    /** The score and every episode agree with the reference's vectors (a Maze line with mixed returns). */
    @Test
    void agreesWithTheVectors() throws IOException {
        for (String line : Files.readAllLines(Cli.vectors().resolve("episodes.jsonl"))) {
            JsonNode v = new ObjectMapper().readTree(line);
            if (!v.get("task").asText().equals("Maze")) continue;
            Cli.Result r = Cli.run("eval", "--task", "Maze", "--program", v.get("program").asText()).assertOk();
            assertTrue(r.out().contains("score     " + Numbers.fmt(v.get("mean").asDouble()) + " "), r::show);
            List<String> rows = tableRows(r.out());
            assertEquals(32, rows.size(), r::show);
            for (int i = 0; i < 32; i++) {
                String want = i + " " + Numbers.fmt(v.get("returns").get(i).asDouble()) + " " + v.get("steps").get(i).asInt()
                        + " " + v.get("calls").get(i).asInt() + " " + (v.get("crashed").get(i).asBoolean() ? "yes" : "no");
                assertEquals(want, rows.get(i), r::show);
            }
        }
    }

    @Test
    void seedListsInAnyForm() {
        Cli.Result r = Cli.run("eval", "--task", "Maze", "--program", "DEF run m( move m)", "--seeds", "0,2,5-7").assertOk();
        assertEquals(List.of("0", "2", "5", "6", "7"),
                tableRows(r.out()).stream().map(row -> row.split(" ")[0]).toList(), r::show);
        assertTrue(r.out().contains("seeds     0,2,5-7 (5 instances)"), r::show);
    }

    @Test
    void programFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("solve.karel");
        Files.writeString(file, DOORKEY_SOLVE.replace(" move", "\n  move") + "\n");
        Cli.Result r = Cli.run("eval", "--task", "doorkey", "--program-file", file.toString(), "--seeds", "0").assertOk();
        assertEquals(List.of("0 1.0 17 17 no"), tableRows(r.out()), r::show);
    }

    @Test
    void traceShowsWorldsAndEverySteps() {
        Cli.Result r = Cli.run("eval", "--task", "DoorKey", "--program", DOORKEY_SOLVE, "--seeds", "0-1", "--trace", "0")
                .assertOk();
        String out = r.out();
        assertTrue(out.contains("trace of seed 0"), r::show);
        assertTrue(out.contains("initial world (hero at row 4, col 2, facing east):\n"
                + "########\n#...#.1#\n#...#..#\n#...#..#\n#.>.#..#\n#.1.#..#\n#...#..#\n########\n"), r::show);
        assertTrue(out.contains("calls=3 pickMarker -> (5,2,v) r=0.5"), r::show);
        assertTrue(out.contains("final world (hero at row 1, col 6, facing east):\n"
                + "########\n#...#.>#\n#......#\n#......#\n#...#..#\n#...#..#\n#...#..#\n########\n"), r::show);
        assertTrue(out.strip().endsWith("return 1.0, actions 17, calls 17, crashed no"), r::show);
    }

    @Test
    void seedsBeyondTwoToThe31AreFine() {
        Cli.run("eval", "--task", "Snake", "--program", "DEF run m( move m)", "--seeds", "4294967295", "--trace", "4294967295")
                .assertOk();
    }

    @Test
    void unknownTask() {
        Cli.run("eval", "--task", "Foo", "--program", "DEF run m( move m)")
                .assertUserErrorStartsWith("unknown task 'Foo'; known tasks: StairClimber, StairClimberSparse, Maze,");
    }

    @Test
    void programThatDoesNotParse() {
        Cli.run("eval", "--task", "Maze", "--program", "DEF run m( mvoe m)")
                .assertUserError("--program: 1:12: unknown token 'mvoe'");
        Cli.run("eval", "--task", "Maze", "--program", "DEF run m( move")
                .assertUserError("--program: 1:16: unexpected end of input, expected 'm)'");
    }

    @Test
    void programFileThatDoesNotParse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.karel");
        Files.writeString(file, "DEF run m(\n  move mvoe\nm)\n");
        Cli.run("eval", "--task", "Maze", "--program-file", file.toString())
                .assertUserError(file + ":2:8: unknown token 'mvoe'");
    }

    @Test
    void missingProgramFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.karel");
        Cli.run("eval", "--task", "Maze", "--program-file", file.toString())
                .assertUserError("--program-file: no such file: " + file);
    }

    @Test
    void badSeeds() {
        String p = "DEF run m( move m)";
        Cli.run("eval", "--task", "Maze", "--program", p, "--seeds", "7-5")
                .assertUserError("--seeds: range 7-5 is empty (its first seed is larger than its last)");
        Cli.run("eval", "--task", "Maze", "--program", p, "--seeds", "4294967296")
                .assertUserError("--seeds: seed 4294967296 is out of range (seeds are 0..4294967295)");
        Cli.run("eval", "--task", "Maze", "--program", p, "--seeds", "-1")
                .assertUserError("--seeds: '-1' is not a seed or a range of seeds (use e.g. 0-31, 3 or 0,2,5-7)");
        Cli.run("eval", "--task", "Maze", "--program", p, "--seeds", "")
                .assertUserError("--seeds: empty seed list (use e.g. 0-31, 3 or 0,2,5-7)");
        Cli.run("eval", "--task", "Maze", "--program", p, "--seeds", "1,,2")
                .assertUserError("--seeds: empty item in seed list '1,,2' (use e.g. 0-31, 3 or 0,2,5-7)");
        Cli.run("eval", "--task", "Maze", "--program", p, "--seeds", "0-3,2")
                .assertUserError("--seeds: seed 2 is listed twice");
        Cli.run("eval", "--task", "Maze", "--program", p, "--trace", "x")
                .assertUserError("--trace: 'x' is not a seed (a whole number 0..4294967295)");
    }

    @Test
    void unknownBackend() {
        Cli.run("eval", "--task", "Maze", "--program", "DEF run m( move m)", "--backend", "gpu9")
                .assertUserErrorStartsWith("unknown backend 'gpu9'; known backends: ");
    }

    @Test
    void badOptions() {
        Cli.run("eval", "--program", "DEF run m( move m)")
                .assertUserError("Missing required option: '--task=TASK' (see 'llmgs eval --help')");
        Cli.run("eval", "--task", "Maze")
                .assertUserErrorStartsWith("Missing required argument (specify one of these): ");
        Cli.run("eval", "--task", "Maze", "--program", "DEF run m( move m)", "--program-file", "x")
                .assertUserErrorStartsWith("--program=PROGRAM, --program-file=FILE are mutually exclusive");
        Cli.run("eval", "--task", "Maze", "--program", "DEF run m( move m)", "--tsak", "x")
                .assertUserErrorStartsWith("Unknown options: '--tsak', 'x'");
    }

    /** Skips without an OpenCL device, but fails under CI ({@code CI=true} or {@code LLMGS_REQUIRE_OPENCL=1}). */
    static void requireOpenCl() {
        BackendProvider.Availability a = new OpenClBackendProvider().probe(BackendOptions.defaults());
        if (!a.available()) {
            String reason = "no usable OpenCL device: " + a.description();
            if ("true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("LLMGS_REQUIRE_OPENCL"))) {
                fail(reason);
            }
            Assumptions.assumeTrue(a.available(), reason);
        }
    }

    /** Runs the command on a 512 KiB stack: proof that no walk recurses along the input. */
    static Cli.Result onSmallStack(String... args) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(Cli.run(args));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        try {
            t.join(120_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (result.get() instanceof Throwable e) throw new AssertionError("on a 512 KiB stack: " + e, e);
        return (Cli.Result) result.get();
    }

    private static final List<String> ALL_BACKENDS = List.of("reference", "cpu", "opencl", "auto");

    @Test
    void twentyThousandNestedIfsAreOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("deep.karel");
        Files.writeString(file, "DEF run m( " + "IF c( frontIsClear c) i( ".repeat(20_000) + "move " + "i) ".repeat(20_000) + "m)");
        onSmallStack("eval", "--task", "Maze", "--program-file", file.toString())
                .assertUserError(file + ":1:2512: nesting deeper than 100 levels");
    }

    @Test
    void fiftyThousandStatementsAreOneLine() {
        String flat = "DEF run m( " + "move ".repeat(50_000) + "m)";
        onSmallStack("eval", "--task", "Maze", "--program", flat)
                .assertUserError("--program: program compiles to 50001 code words; the engine holds at most 512");
    }

    /** Before, cpu failed with an internal error where reference scored the program: now all refuse it alike. */
    @Test
    void programsBeyondTheEngineAreRefusedOnEveryBackend(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("long.karel");
        Files.writeString(file, "DEF run m( " + "move ".repeat(9_996) + "m)\n"); // 10,000 tokens
        String repeats = "DEF run m( " + "REPEAT R=2 r( ".repeat(9) + "move" + " r)".repeat(9) + " m)";
        for (String backend : ALL_BACKENDS) {
            Cli.run("eval", "--task", "DoorKey", "--program-file", file.toString(), "--backend", backend)
                    .assertUserError(file + ": program compiles to 9997 code words; the engine holds at most 512");
            Cli.run("eval", "--task", "DoorKey", "--program", repeats, "--backend", backend)
                    .assertUserError("--program: program nests REPEAT 9 deep; the engine holds at most 8");
        }
    }

    @Test
    void largestProgramThatFitsRunsOnEveryBackend() {
        requireOpenCl();
        String fits = "DEF run m( " + "turnLeft ".repeat(511) + "m)"; // 511 actions + HALT = 512 words
        for (String backend : ALL_BACKENDS) {
            Cli.Result r = Cli.run("eval", "--task", "Maze", "--program", fits, "--seeds", "0-1", "--backend", backend);
            assertEquals(0, r.code(), r::show);
            assertEquals(List.of("0 0.0 511 511 no", "1 0.0 511 511 no"), tableRows(r.out()), r::show);
        }
    }

    @Test
    void byteOrderMarkIsSkippedAndBinaryFilesAreOneLine(@TempDir Path dir) throws IOException {
        Path bom = dir.resolve("bom.karel");
        Files.write(bom, ("\uFEFF" + DOORKEY_SOLVE).getBytes(StandardCharsets.UTF_8));
        Cli.Result r = Cli.run("eval", "--task", "DoorKey", "--program-file", bom.toString(), "--seeds", "0").assertOk();
        assertEquals(List.of("0 1.0 17 17 no"), tableRows(r.out()), r::show);
        Path binary = dir.resolve("a.out");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xff, (byte) 0xfe, 0, 1});
        Cli.run("eval", "--task", "DoorKey", "--program-file", binary.toString())
                .assertUserError(binary + ": not a UTF-8 text file");
    }

    @Test
    void runSettingsWithBomAndBinaryRunSettings(@TempDir Path dir) throws IOException {
        Path bom = dir.resolve("karel.json");
        Files.write(bom, ("\uFEFF" + Files.readString(RunSettingsFile.REPO)).getBytes(StandardCharsets.UTF_8));
        Cli.run("eval", "--task", "DoorKey", "--program", DOORKEY_SOLVE, "--seeds", "0", "--config", bom.toString()).assertOk();
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xc3, 0x28});
        Cli.run("eval", "--task", "DoorKey", "--program", DOORKEY_SOLVE, "--config", binary.toString())
                .assertUserError(binary + ": not a UTF-8 text file");
    }

    @Test
    void taskSizesTheEngineDoesNotImplementAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("karel.json");
        Files.writeString(file, Files.readString(RunSettingsFile.REPO)
                .replace("\"DoorKey\":            { \"rows\": 8,  \"cols\": 8 }", "\"DoorKey\": { \"rows\": 2, \"cols\": 2 }"));
        Cli.run("eval", "--task", "DoorKey", "--program", DOORKEY_SOLVE, "--config", file.toString())
                .assertUserError(file + ": field 'tasks.DoorKey': 2 x 2 is not supported: the engine implements DoorKey at 8 x 8 only, "
                        + "as the reference does");
    }

    /** max_calls from the run settings reaches every backend: 20 turns under a limit of 5 crash at call 6. */
    @Test
    void maxCallsReachesEveryBackend(@TempDir Path dir) throws IOException {
        requireOpenCl();
        Path file = dir.resolve("karel.json");
        Files.writeString(file, Files.readString(RunSettingsFile.REPO).replace("\"max_calls\": 10000", "\"max_calls\": 5"));
        for (String backend : ALL_BACKENDS) {
            Cli.Result r = Cli.run("eval", "--task", "Maze", "--program", "DEF run m( " + "turnLeft ".repeat(20) + "m)",
                    "--seeds", "0-1", "--config", file.toString(), "--backend", backend);
            assertEquals(0, r.code(), r::show);
            assertTrue(r.out().contains("max_calls 5"), r::show);
            assertEquals(List.of("0 0.0 6 6 yes", "1 0.0 6 6 yes"), tableRows(r.out()), r::show);
        }
    }

    @Test
    void threadsAreBounded() {
        String p = "DEF run m( move m)";
        Cli.run("eval", "--task", "Maze", "--program", p, "--threads", "100000")
                .assertUserError("--threads 100000 is out of range: use 0 (all cores) or 1..4096");
        Cli.run("eval", "--task", "Maze", "--program", p, "--threads", "-1")
                .assertUserError("--threads -1 is out of range: use 0 (all cores) or 1..4096");
        Cli.run("eval", "--task", "Maze", "--program", p, "--threads", "1", "--backend", "cpu", "--seeds", "0").assertOk();
    }

    @Test
    void deviceChoosesTheOpenClDevice() {
        requireOpenCl();
        Cli.Result r = Cli.run("eval", "--task", "DoorKey", "--program", DOORKEY_SOLVE, "--seeds", "0",
                "--backend", "opencl", "--device", "0").assertOk();
        assertTrue(r.out().contains("backend   opencl ("), r::show);
        assertEquals(List.of("0 1.0 17 17 no"), tableRows(r.out()), r::show);
    }

    @Test
    void devicesThatAreNotThereAreOneLine() {
        requireOpenCl();
        String p = "DEF run m( move m)";
        Cli.run("eval", "--task", "Maze", "--program", p, "--backend", "opencl", "--device", "99")
                .assertUserErrorStartsWith("OpenCL device 99 not found; devices: 0: ");
        Cli.run("eval", "--task", "Maze", "--program", p, "--backend", "opencl", "--device", "-1")
                .assertUserErrorStartsWith("OpenCL device -1 not found: device indexes start at 0; devices: 0: ");
        Cli.run("eval", "--task", "Maze", "--program", p, "--backend", "opencl", "--device", "nonsense")
                .assertUserErrorStartsWith("OpenCL device 'nonsense' not found: no device name contains it; devices: 0: ");
        Cli.run("eval", "--task", "Maze", "--program", p, "--backend", "auto", "--device", "nonsense")
                .assertUserErrorStartsWith("backend auto: OpenCL device 'nonsense' not found: no device name contains it; devices: 0: ");
        Cli.run("eval", "--task", "Maze", "--program", p, "--backend", "cpu", "--device", "0")
                .assertUserError("--device 0: the cpu backend runs on CPU threads; --device chooses an OpenCL device "
                        + "(--backend opencl or auto)");
    }

    /** The repository's run settings, for tests that change one field. */
    static final class RunSettingsFile {
        static final Path REPO = Path.of("..", "configs", "karel.json");
    }

    /** The table rows, columns joined by single spaces. */
    static List<String> tableRows(String out) {
        List<String> lines = out.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("seed ")) header = i;
        }
        return lines.subList(header + 1, lines.size()).stream()
                .takeWhile(l -> !l.isBlank())
                .map(l -> l.strip().replaceAll("\\s+", " "))
                .toList();
    }
}
