package io.github.llmgs.search.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads one run directory into a {@link RunRecord}: from result.json when the run has ended,
 * else from events.jsonl (its start and latest new best). Whether a run without result.json is
 * still going is read from the pid in run.lock, never by probing the lock: a probe would hold
 * it for an instant, and a search claiming the directory then would be refused.
 */
final class RunReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReader() {}

    static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("result.json")) || Files.isRegularFile(dir.resolve("events.jsonl"));
    }

    static RunRecord read(Path dir, String id) {
        Path resultFile = dir.resolve("result.json");
        if (Files.isRegularFile(resultFile)) return fromResult(dir, id, resultFile);
        return fromEvents(dir, id, EventLog.all(dir.resolve("events.jsonl")));
    }

    @SuppressWarnings("unchecked")
    private static RunRecord fromResult(Path dir, String id, Path file) {
        Map<String, Object> r;
        try {
            Object v = JSON.readValue(file.toFile(), Object.class);
            if (!(v instanceof Map<?, ?>)) throw new IOException("not a JSON object");
            r = (Map<String, Object>) v;
        } catch (IOException e) {
            return unreadable(dir, id, "result.json cannot be read");
        }
        String status = text(r.get("status"));
        RunRecord.Phase phase = status == null ? RunRecord.Phase.UNREADABLE
                : status.equals("solved") || status.equals("budget") ? RunRecord.Phase.FINISHED
                : status.equals("interrupted") ? RunRecord.Phase.INTERRUPTED
                : status.startsWith("failed") ? RunRecord.Phase.FAILED : RunRecord.Phase.UNREADABLE;
        String[] names = names(dir, id);
        return new RunRecord(id, or(text(r.get("task")), names[0]), or(text(r.get("method")), names[1]),
                or(text(r.get("seed")), names[2]), phase, status == null ? "no status" : status,
                number(r.get("best_score")), text(r.get("best_program")), whole(r.get("programs_evaluated")),
                number(r.get("wall_seconds")), instanceSeeds(r), r);
    }

    private static RunRecord fromEvents(Path dir, String id, List<EventLog.Event> events) {
        String[] names = names(dir, id);
        String task = names[0], method = names[1], seed = names[2], seeds = null;
        Instant start = null, last = null;
        Double best = null;
        String program = null;
        Long programs = null;
        boolean ended = false;
        for (EventLog.Event e : events) {
            Map<String, Object> f = e.fields();
            Instant t = time(f.get("time"));
            if (t != null) last = t;
            switch (e.type()) {
                case "start" -> {
                    task = or(text(f.get("task")), task);
                    method = or(text(f.get("method")), method);
                    seed = or(text(f.get("seed")), seed);
                    seeds = instanceSeeds(f);
                    start = t;
                }
                case "new_best" -> {
                    best = number(f.get("score"));
                    program = text(f.get("program"));
                    programs = whole(f.get("evaluated"));
                }
                case "end" -> ended = true;
                default -> { }
            }
        }
        boolean alive = !ended && ownerAlive(dir);
        Instant until = alive ? Instant.now() : last;
        Double wall = start == null || until == null ? null : Duration.between(start, until).toMillis() / 1000.0;
        RunRecord.Phase phase = alive ? RunRecord.Phase.RUNNING : RunRecord.Phase.UNFINISHED;
        String status = alive ? "running" : "unfinished (no result.json)";
        return new RunRecord(id, task, method, seed, phase, status, best, program, programs, wall, seeds, null);
    }

    private static RunRecord unreadable(Path dir, String id, String why) {
        String[] n = names(dir, id);
        return new RunRecord(id, n[0], n[1], n[2], RunRecord.Phase.UNREADABLE, why, null, null, null, null, null, null);
    }

    /** Whether the process whose pid run.lock names is alive (the lock goes with its process). */
    static boolean ownerAlive(Path dir) {
        try {
            String text = Files.readString(dir.resolve("run.lock"), StandardCharsets.UTF_8).strip();
            if (!text.matches("\\d{1,10}")) return false;
            return ProcessHandle.of(Long.parseLong(text)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** task, method, seed from the directory's last three names, for runs whose files do not say. */
    private static String[] names(Path dir, String id) {
        String[] parts = id.split("/");
        String[] out = {"?", "?", "?"};
        for (int i = 0; i < 3 && i < parts.length; i++) out[2 - i] = parts[parts.length - 1 - i];
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String instanceSeeds(Map<String, Object> m) {
        for (String k : new String[] {"config", "spec"}) {
            if (m.get(k) instanceof Map<?, ?> sub && ((Map<String, Object>) sub).get("instance_seeds") instanceof String s) {
                return s;
            }
        }
        return null;
    }

    private static Instant time(Object o) {
        try {
            return o instanceof String s ? Instant.parse(s) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(Object o) {
        return o == null ? null : o instanceof String s ? s : String.valueOf(o);
    }

    static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static Long whole(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
