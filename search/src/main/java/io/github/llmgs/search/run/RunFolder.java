package io.github.llmgs.search.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run directory holds, read before a command decides to reuse, redo or refuse it. A run
 * is finished only when its result.json says {@code solved} or {@code budget}; everything else
 * that left files (an interrupted run, a failed one, a killed one with only events.jsonl) is
 * unfinished, and a failed start (nothing evaluated) holds nothing worth keeping.
 */
public record RunFolder(Path dir, State state, Map<String, Object> result, String detail) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The files a run writes; anything else in the folder is not ours and is left alone. */
    static final List<String> FILES = List.of("result.json", "curve.csv", "events.jsonl", "llm.jsonl");

    public enum State {
        /** Nothing there yet (or only a lock left by a finished run). */
        ABSENT,
        /** A plain file (or something else) where the run directory should be. */
        NOT_A_DIRECTORY,
        /** A file where one of the directories above it should be: it can never be created. */
        UNREACHABLE,
        /** Another process (or command) holds the run's lock right now. */
        IN_USE,
        FINISHED,
        INTERRUPTED,
        /** result.json says failed after programs were evaluated. */
        FAILED,
        /** result.json says failed before any program was evaluated. */
        FAILED_START,
        /** Files but no result.json: the run was killed (kill -9, power loss) or is being written. */
        UNFINISHED,
        /** result.json is there but cannot be read as a run's result. */
        UNREADABLE
    }

    public static RunFolder inspect(Path dir) {
        if (!Files.exists(dir)) {
            for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
                if (Files.exists(up)) {
                    return Files.isDirectory(up) ? new RunFolder(dir, State.ABSENT, null, null)
                            : new RunFolder(dir, State.UNREACHABLE, null, up.toString());
                }
            }
            return new RunFolder(dir, State.ABSENT, null, null);
        }
        if (!Files.isDirectory(dir)) return new RunFolder(dir, State.NOT_A_DIRECTORY, null, null);
        String owner = RunLock.owner(dir);
        if (owner != null) return new RunFolder(dir, State.IN_USE, null, owner);
        return read(dir);
    }

    /** The folder's state, its lock aside (the caller holds it). */
    static RunFolder read(Path dir) {
        Path resultFile = dir.resolve("result.json");
        if (!Files.exists(resultFile)) {
            boolean any = FILES.stream().anyMatch(f -> Files.exists(dir.resolve(f)));
            return new RunFolder(dir, any ? State.UNFINISHED : State.ABSENT, null, null);
        }
        Map<String, Object> result;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = JSON.readValue(resultFile.toFile(), LinkedHashMap.class);
            result = read;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new RunFolder(dir, State.UNREADABLE, null, why);
        }
        if (result == null || !(result.get("status") instanceof String status)) {
            return new RunFolder(dir, State.UNREADABLE, null, "no status field");
        }
        State s;
        if (status.equals("solved") || status.equals("budget")) {
            s = State.FINISHED;
        } else if (status.equals("interrupted")) {
            s = State.INTERRUPTED;
        } else if (status.startsWith("failed")) {
            s = evaluated(result) == 0 ? State.FAILED_START : State.FAILED;
        } else {
            return new RunFolder(dir, State.UNREADABLE, null, "unknown status '" + status + "'");
        }
        return new RunFolder(dir, s, result, null);
    }

    public boolean finished() {
        return state == State.FINISHED;
    }

    /** No result in it: a new run may take it without replacing anything. */
    public boolean free() {
        return state == State.ABSENT || state == State.FAILED_START;
    }

    /**
     * Why no run may take this folder now, whatever it is told (a file in its place, another run
     * inside), or empty.
     */
    public Optional<String> blocker() {
        return switch (state) {
            case NOT_A_DIRECTORY -> Optional.of(dir + " is a file, not a run directory; remove it or choose another --out");
            case UNREACHABLE -> Optional.of("cannot create the run directory " + dir + ": " + detail
                    + " is a file, not a directory");
            case IN_USE -> Optional.of(dir + " is in use by another run (" + detail + "); wait for it to end or choose another --out");
            default -> Optional.empty();
        };
    }

    /** The settings its run recorded (result.json's "spec"), or null for a run without them. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        return result != null && result.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** What it holds, for messages: "a finished run (budget: best 0.890000 after 40,000 programs)". */
    public String describe() {
        return switch (state) {
            case ABSENT -> "nothing";
            case NOT_A_DIRECTORY -> "a file, not a run directory";
            case UNREACHABLE -> "nothing (" + detail + " is a file)";
            case IN_USE -> "a run in progress (" + detail + ")";
            case FINISHED -> "a finished run (" + result.get("status") + ": " + progress() + ")";
            case INTERRUPTED -> "an interrupted run (" + progress() + ")";
            case FAILED -> "a failed run (" + progress() + "; " + result.get("status") + ")";
            case FAILED_START -> "a failed start (" + result.get("status") + ")";
            case UNFINISHED -> "an unfinished run (no result.json: it was killed or crashed)";
            case UNREADABLE -> "an unreadable result.json (" + detail + ")";
        };
    }

    private String progress() {
        Object best = result.get("best_score");
        Object budget = result.get("spec") instanceof Map<?, ?> m ? m.get("budget") : null;
        String evaluated = String.format("%,d", evaluated(result)) + (budget instanceof Number b
                ? String.format(" of %,d", b.longValue()) : "") + " programs";
        return best instanceof Number b ? String.format("best %.6f after %s", b.doubleValue(), evaluated) : evaluated;
    }

    private static long evaluated(Map<String, Object> result) {
        return result.get("programs_evaluated") instanceof Number n ? n.longValue() : 0;
    }
}
