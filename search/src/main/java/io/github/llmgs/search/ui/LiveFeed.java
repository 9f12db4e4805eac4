package io.github.llmgs.search.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live parts, as server-sent event streams fed by polling the files a search writes:
 * events.jsonl grows line by line while it runs, and result.json appears when it ends. Each
 * event carries the byte offset past its line as its id, so a browser that reconnects (it does
 * so by itself) resumes where it was instead of replaying the log.
 */
final class LiveFeed {
    static final long POLL_MILLIS = 250;
    private static final long ROW_MILLIS = 1000;
    private static final long KEEP_ALIVE_MILLIS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunIndex index;
    private final ServedDir served;

    LiveFeed(RunIndex index, ServedDir served) {
        this.index = index;
        this.served = served;
    }

    /** The runs list: all rows, sent again whenever any changes. */
    Reply.Stream runs() {
        return sink -> {
            String sent = null;
            long quiet = 0;
            while (sink.open()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (RunRecord r : index.snapshot().runs()) rows.add(r.row());
                String now = json(rows);
                if (!now.equals(sent)) {
                    sink.send("runs", null, now);
                    sent = now;
                    quiet = 0;
                } else if ((quiet += ROW_MILLIS) >= KEEP_ALIVE_MILLIS) {
                    sink.comment("keep-alive"); // finds a closed tab, and keeps proxies from timing out
                    quiet = 0;
                }
                Thread.sleep(ROW_MILLIS);
            }
        };
    }

    /**
     * One run: "event" for each new events.jsonl line after {@code from}, "run" with its row
     * (and indented best program) whenever that changes, and "end" once it is no longer running.
     */
    Reply.Stream run(String id, long from) {
        return sink -> {
            long offset = from;
            String sentRow = null;
            long sinceRow = ROW_MILLIS, quiet = 0;
            while (sink.open()) {
                Optional<Path> dir = served.find(id);
                if (dir.isEmpty()) return; // the run was deleted
                EventLog.Chunk chunk = EventLog.read(dir.get().resolve("events.jsonl"), offset);
                for (EventLog.Event e : chunk.events()) {
                    Map<String, Object> f = new LinkedHashMap<>(e.fields());
                    if (f.get("program") instanceof String p) f.put("pretty", ProgramLayout.indent(p));
                    f.put("row_html", RunPage.eventRow(e.fields()));
                    sink.send("event", Long.toString(e.end()), json(f));
                }
                boolean grew = chunk.next() != offset;
                offset = chunk.next();
                if (grew || (sinceRow += POLL_MILLIS) >= ROW_MILLIS) {
                    sinceRow = 0;
                    Optional<RunRecord> r = index.run(id);
                    if (r.isEmpty()) return;
                    Map<String, Object> row = r.get().row();
                    row.put("pretty", ProgramLayout.indent(r.get().bestProgram()));
                    String now = json(row);
                    if (!now.equals(sentRow)) {
                        sink.send("run", Long.toString(offset), now);
                        sentRow = now;
                        quiet = 0;
                    }
                    if (r.get().phase() != RunRecord.Phase.RUNNING && EventLog.read(dir.get().resolve("events.jsonl"), offset).events().isEmpty()) {
                        sink.send("end", Long.toString(offset), now);
                        return;
                    }
                }
                if ((quiet += POLL_MILLIS) >= KEEP_ALIVE_MILLIS) {
                    sink.comment("keep-alive");
                    quiet = 0;
                }
                Thread.sleep(POLL_MILLIS);
            }
        };
    }

    /** The curve of a run from its new_best events, as curve.csv would hold it. */
    static List<CurveSvg.Point> curve(List<EventLog.Event> events) {
        List<CurveSvg.Point> points = new ArrayList<>();
        for (EventLog.Event e : events) {
            if (!e.type().equals("new_best")) continue;
            Long at = RunReader.whole(e.fields().get("evaluated"));
            Double score = RunReader.number(e.fields().get("score"));
            if (at != null && score != null) points.add(new CurveSvg.Point(at, score));
        }
        return points;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
