package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmgs conformance} on the search layout: each recorded search rerun, every evaluation compared. */
class SearchConformanceCommandTest {
    private static Path copy(Path dir) throws IOException {
        try (InputStream in = SearchConformanceCommandTest.class.getResourceAsStream("/conformance/search/search.jsonl")) {
            Files.copy(in, dir.resolve("search.jsonl"));
        }
        return dir.resolve("search.jsonl");
    }

    @Test
    void thePublicSearchesReplay(@TempDir Path dir) throws IOException {
        copy(dir);
        Cli.Result r = Cli.run("conformance", "--vectors", dir.toString(), "--backend", "cpu", "--threads", "2").assertOk();
        assertTrue(r.out().startsWith("backend cpu (Java bytecode VM, 2 threads), search vectors " + dir + ", batch 1024\n"),
                r::show);
        assertTrue(r.out().endsWith("\n5174 passed, 0 failed\n"), r::show);
    }

    @Test
    void aDifferentProgramPrintsTheRunTheIndexBothProgramsAndScores(@TempDir Path dir) throws IOException {
        Path file = copy(dir);
        List<String> lines = Files.readAllLines(file);
        // TopOff hc seed 1: its first program replaced by another the reference could have drawn
        String first = "[[\"DEF run m( turnLeft m)\", ";
        int at = lines.get(4).indexOf("\"evaluations\": [[") + "\"evaluations\": ".length();
        int end = lines.get(4).indexOf("\", ", at) + 3;
        String recorded = lines.get(4).substring(at + 3, end - 3);
        lines.set(4, lines.get(4).substring(0, at) + first + lines.get(4).substring(end));
        Files.write(file, lines);
        Cli.Result r = Cli.run("conformance", "--vectors", dir.toString(), "--backend", "cpu", "--batch", "7");
        assertEquals(1, r.code(), r::show);
        assertTrue(r.out().contains(file + ":5 (TopOff hc seed 1), evaluation 0 (of 96;"), r::show);
        assertTrue(r.out().contains("reference: "), r::show);
        assertTrue(r.out().contains("  DEF run m( turnLeft m)\n"), r::show);
        assertTrue(r.out().contains("  " + recorded + "\n"), r::show);
        assertTrue(r.out().endsWith("\n" + (5174 - 96) + " passed, 1 failed\n"), r::show);
    }

    @Test
    void badSearchRecordsAreOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("search.jsonl");
        Files.writeString(file, "{\"task\": \"FourCorners\", \"method\": \"sa\", \"seed\": 0, \"budget\": 10, \"n\": 0, \"evaluations\": []}\n");
        Cli.run("conformance", "--vectors", dir.toString())
                .assertUserError(file + ":1: field 'method': unknown method 'sa' (expected hc, shc or llm-gs)");
        Files.writeString(file, "{\"task\": \"FourCorners\", \"method\": \"hc\", \"k\": 4, \"seed\": 0, \"budget\": 10, \"n\": 2, "
                + "\"evaluations\": [[\"DEF run m( move m)\", 0.0]]}\n");
        Cli.run("conformance", "--vectors", dir.toString())
                .assertUserError(file + ":1: field 'n' is 2 but 'evaluations' holds 1");
        Cli.run("conformance", "--vectors", dir.toString(), "--batch", "0").assertUserError("--batch must be >= 1, got 0");
    }
}
