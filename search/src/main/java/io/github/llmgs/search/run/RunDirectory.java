package io.github.llmgs.search.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.llmgs.search.method.SearchState;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code <out>/<task>/<method>/<seed>/}: result.json, curve.csv, events.jsonl (and llm.jsonl,
 * written by the LLM seeder). A run owns its directory through {@link RunLock} from
 * {@link #claim} to {@link #close}; what was there before is replaced only when the caller's
 * policy allows it, after the lock is taken. result.json and curve.csv are written whole;
 * events.jsonl is flushed line by line.
 */
public final class RunDirectory implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private final Path dir;
    private final RunLock lock;
    private final BufferedWriter events;

    private RunDirectory(Path dir, RunLock lock, BufferedWriter events) {
        this.dir = dir;
        this.lock = lock;
        this.events = events;
    }

    public static Path path(Path outRoot, String task, String method, long seed) {
        return outRoot.resolve(task).resolve(method).resolve(Long.toString(seed));
    }

    /**
     * Takes the directory for a new run: creates it, locks it, asks {@code refusal} whether what
     * it holds may be replaced (a message means no), then clears the previous run's files.
     */
    public static RunDirectory claim(Path dir, Function<RunFolder, Optional<String>> refusal) {
        RunFolder.inspect(dir).blocker().ifPresent(why -> {
            throw new RunFolderException(why);
        });
        RunLock lock = null;
        try {
            Files.createDirectories(dir);
            lock = RunLock.take(dir);
            if (lock == null) {
                throw new RunFolderException(new RunFolder(dir, RunFolder.State.IN_USE, null, RunLock.owner(dir))
                        .blocker().orElseThrow());
            }
            Optional<String> refused = refusal.apply(RunFolder.read(dir));
            if (refused.isPresent()) throw new RunFolderException(refused.get());
            clear(dir);
            BufferedWriter events = Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
            return new RunDirectory(dir, lock, events);
        } catch (IOException e) {
            if (lock != null) lock.close();
            throw new RunFolderException("cannot create the run directory " + dir + ": " + reason(e));
        } catch (RuntimeException e) {
            if (lock != null) lock.close();
            throw e;
        }
    }

    /** Removes a previous run's files (and stray temporaries); nothing else in the folder is touched. */
    private static void clear(Path dir) throws IOException {
        for (String f : RunFolder.FILES) Files.deleteIfExists(dir.resolve(f));
        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : tmp) Files.deleteIfExists(p);
        }
    }

    /** An IOException as the reason a user can act on: "permission denied (/x)", "no such file or directory (/x)". */
    public static String reason(IOException e) {
        String file = e instanceof FileSystemException fse && fse.getFile() != null ? " (" + fse.getFile() + ")" : "";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied" + file;
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory" + file;
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way" + file;
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT) + file;
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Makes the output root and checks that files can be written in it, so that a bad
     * {@code --out} fails in one line before a backend is opened or any program is evaluated.
     */
    public static void checkRoot(Path out) {
        for (Path up = out.toAbsolutePath(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new RunFolderException("--out " + out + ": " + up + " is a file, not a directory");
                }
                break;
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new RunFolderException("--out " + out + ": cannot create it: " + reason(e));
        }
        try {
            Files.delete(Files.createTempFile(out, ".llmgs-probe", ".tmp"));
        } catch (IOException e) {
            throw new RunFolderException("--out " + out + ": cannot write in it: " + reason(e));
        }
    }

    public Path dir() {
        return dir;
    }

    public synchronized void event(String type, Map<String, Object> fields) {
        try {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", type);
            line.put("time", java.time.Instant.now().toString());
            line.putAll(fields);
            events.write(JSON_LINE.writeValueAsString(line));
            events.newLine();
            events.flush();
        } catch (IOException e) {
            throw new RunFolderException("cannot write " + dir.resolve("events.jsonl") + ": " + reason(e));
        }
    }

    public void writeCurve(SearchState state) {
        StringBuilder sb = new StringBuilder("programs_evaluated,best_score\n");
        for (SearchState.CurvePoint p : state.curve()) {
            sb.append(p.evaluated()).append(',').append(p.best()).append('\n');
        }
        write("curve.csv", sb.toString());
    }

    public void writeResult(Map<String, Object> result) {
        try {
            write("result.json", JSON.writeValueAsString(result) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("result.json: " + e.getOriginalMessage(), e);
        }
    }

    private void write(String name, String content) {
        try {
            AtomicFiles.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new RunFolderException("cannot write " + dir.resolve(name) + ": " + reason(e));
        }
    }

    @Override
    public void close() {
        try {
            events.close();
        } catch (IOException ignored) {
            // events were flushed line by line
        } finally {
            lock.close();
        }
    }
}
