package io.github.llmgs.search.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run directories written by hand, as a search leaves them: finished, running (this JVM's pid in run.lock), killed. */
final class UiFixture {
    static final String PROGRAM = "DEF run m( WHILE c( frontIsClear c) w( move pickMarker w) turnLeft m)";

    private UiFixture() {}

    static Path finished(Path out, String task, String method, int seed, double best) throws IOException {
        Path dir = Files.createDirectories(out.resolve(task).resolve(method).resolve(Integer.toString(seed)));
        Files.writeString(dir.resolve("events.jsonl"), start(task, method, seed)
                + newBest(5, best / 2, "DEF run m( move m)") + newBest(40, best, PROGRAM)
                + "{\"type\":\"end\",\"time\":\"2026-01-01T00:00:02Z\",\"status\":\"budget\",\"best_score\":" + best + ",\"programs_evaluated\":100}\n");
        Files.writeString(dir.resolve("curve.csv"), "programs_evaluated,best_score\n5," + best / 2 + "\n40," + best + "\n");
        Files.writeString(dir.resolve("result.json"), "{\"task\":\"" + task + "\",\"method\":\"" + method + "\",\"seed\":" + seed
                + ",\"status\":\"budget\",\"spec\":{\"budget\":100,\"instance_seeds\":\"0-3\"},\"config\":{\"instance_seeds\":\"0-3\"},"
                + "\"best_program\":\"" + PROGRAM + "\",\"best_score\":" + best + ",\"best_found_at\":40,\"programs_evaluated\":100,"
                + "\"wall_seconds\":2.0,\"backend\":\"cpu\",\"device\":\"test\"}\n");
        Files.writeString(dir.resolve("run.lock"), "1\n");
        return dir;
    }

    /** A run in progress: events so far, no result.json, and run.lock naming a live process (this one). */
    static Path running(Path out, String task, String method, int seed) throws IOException {
        Path dir = Files.createDirectories(out.resolve(task).resolve(method).resolve(Integer.toString(seed)));
        Files.writeString(dir.resolve("events.jsonl"), start(task, method, seed) + newBest(1, 0.25, "DEF run m( move m)"));
        Files.writeString(dir.resolve("run.lock"), ProcessHandle.current().pid() + "\n");
        return dir;
    }

    static String start(String task, String method, int seed) {
        return "{\"type\":\"start\",\"time\":\"2026-01-01T00:00:00Z\",\"task\":\"" + task + "\",\"method\":\"" + method
                + "\",\"seed\":" + seed + ",\"spec\":{\"instance_seeds\":\"0-3\"}}\n";
    }

    static String newBest(long evaluated, double score, String program) {
        return "{\"type\":\"new_best\",\"time\":\"2026-01-01T00:00:01Z\",\"evaluated\":" + evaluated + ",\"score\":" + score
                + ",\"program\":\"" + program + "\"}\n";
    }

    static void append(Path file, String line) throws IOException {
        Files.writeString(file, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }
}
