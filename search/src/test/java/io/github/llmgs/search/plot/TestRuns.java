package io.github.llmgs.search.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run directories made by hand: result.json with the fields plot reads, and a curve.csv. */
public final class TestRuns {
    private TestRuns() {}

    /** {@code rows} as "programs_evaluated,best_score" lines, e.g. "1,0.0", "10,0.5". */
    public static Path run(Path root, String task, String method, int seed, String status, long evaluated, String... rows) {
        Path dir = root.resolve(task).resolve(method).resolve(Integer.toString(seed));
        StringBuilder csv = new StringBuilder("programs_evaluated,best_score\n");
        for (String r : rows) csv.append(r).append('\n');
        write(dir.resolve("curve.csv"), csv.toString());
        write(dir.resolve("result.json"), String.format(
                "{\"task\":\"%s\",\"method\":\"%s\",\"seed\":%d,\"status\":\"%s\",\"programs_evaluated\":%d,"
                        + "\"best_found_at\":1,\"wall_seconds\":0.1}%n", task, method, seed, status, evaluated));
        return dir;
    }

    /**
     * The three seeds of the data tests, whose values are worked out by hand in CurvesTest:
     * seed 0 solved at 100, seeds 1 and 2 ran to the budget (1,000); seed 1 has no score before 2.
     */
    public static Path threeSeeds(Path root, String task, String method) {
        run(root, task, method, 0, "solved", 100, "1,0.0", "10,0.5", "100,1.0");
        run(root, task, method, 1, "budget", 1000, "2,0.2", "50,0.4");
        run(root, task, method, 2, "budget", 1000, "1,0.1", "10,0.3", "500,0.6");
        return root;
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
