package io.github.llmgs.search.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.llmgs.search.method.SearchState;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code <out>/<task>/<method>/<seed>/}: result.json, curve.csv, events.jsonl. The directory is
 * created fresh; an existing one is never overwritten (unless asked), so no result is lost.
 * result.json is written atomically (temp file, then rename).
 */
public final class RunDirectory implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private final Path dir;
    private final BufferedWriter events;

    private RunDirectory(Path dir) throws IOException {
        this.dir = dir;
        this.events = Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
    }

    public static Path path(Path outRoot, String task, String method, long seed) {
        return outRoot.resolve(task).resolve(method).resolve(Long.toString(seed));
    }

    /** Creates the run's directory; fails with a one-line message if it already exists. */
    public static RunDirectory create(Path dir, boolean overwrite) {
        try {
            Files.createDirectories(dir.getParent());
            if (overwrite && Files.isDirectory(dir)) {
                for (String f : new String[] {"result.json", "curve.csv", "events.jsonl", "llm.jsonl"}) {
                    Files.deleteIfExists(dir.resolve(f));
                }
            } else {
                Files.createDirectory(dir);
            }
            return new RunDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(dir + " already exists (a previous run's results); "
                    + "choose another --out or --seed, or pass --overwrite to replace it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public synchronized void event(String type, Map<String, Object> fields) {
        try {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("type", type);
            line.put("time", java.time.Instant.now().toString());
            line.putAll(fields);
            events.write(JSON_LINE.writeValueAsString(line));
            events.newLine();
            events.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("events.jsonl"), e);
        }
    }

    public void writeCurve(SearchState state) {
        StringBuilder sb = new StringBuilder("programs_evaluated,best_score\n");
        for (SearchState.CurvePoint p : state.curve()) {
            sb.append(p.evaluated()).append(',').append(p.best()).append('\n');
        }
        writeAtomically("curve.csv", sb.toString());
    }

    public void writeResult(Map<String, Object> result) {
        try {
            writeAtomically("result.json", JSON.writeValueAsString(result) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAtomically(String name, String content) {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            events.close();
        } catch (IOException ignored) {
            // events were flushed line by line
        }
    }
}
