package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
