package io.github.llmgs.search.ui;

import io.github.llmgs.search.config.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.util.Fields;

/**
 * The dashboard's routes, each a function from a path and its query to a {@link Reply}:
 *
 * <pre>
 * /                              runs list (?q= filter, ?in= folder, ?sort= &amp;desc=1)
 * /live                          server-sent events: the runs list whenever it changes
 * /run/ID                        run page (?instance= episode's instance seed)
 * /run/ID/curve                  its curve: the plot API's PNG once ended, an SVG from events.jsonl while running
 * /run/ID/episode.gif?instance=  the best program playing one instance (animation API)
 * /run/ID/live                   server-sent events: its new events.jsonl lines, and its row when it changes
 * /sweep/ID                      a sweep's summary and per-task plots; /sweep/ID/plot.png?task=
 * /files/PATH                    a file under the served directory, as it is
 * /assets/ui.js, /assets/ui.css  the page script and style (from the jar)
 * </pre>
 */
final class Routes {
    private static final String ASSETS = "/io/github/llmgs/search/ui/";

    private final ServedDir served;
    private final RunIndex index;
    private final Pictures pictures = new Pictures();
    private final LiveFeed live;

    Routes(ServedDir served) {
        this.served = served;
        this.index = new RunIndex(served);
        this.live = new LiveFeed(index, served);
    }

    Reply answer(String path, Fields query, String lastEventId) {
        if (path == null || path.isEmpty()) path = "/";
        if (path.equals("/")) {
            return Reply.html(RunsPage.render(index.snapshot(), query.getValue("q"), query.getValue("in"), query.getValue("sort"),
                    "1".equals(query.getValue("desc"))));
        }
        if (path.equals("/live")) return Reply.events(live.runs());
        if (path.equals("/assets/ui.js")) return asset("ui.js", "text/javascript; charset=utf-8");
        if (path.equals("/assets/ui.css")) return asset("ui.css", "text/css; charset=utf-8");
        if (path.startsWith("/files/")) return file(path.substring("/files/".length()));
        if (path.equals("/sweep") || path.startsWith("/sweep/")) return sweep(trim(path.substring("/sweep".length())), query);
        if (path.startsWith("/run/")) return run(trim(path.substring("/run/".length())), query, lastEventId);
        return Reply.error(404, "no such page");
    }

    private Reply run(String rest, Fields query, String lastEventId) {
        for (String sub : List.of("curve", "episode.gif", "live")) {
            if (rest.endsWith("/" + sub)) {
                String id = rest.substring(0, rest.length() - sub.length() - 1);
                Optional<RunRecord> r = index.run(id);
                if (r.isPresent()) return runPart(sub, r.get(), query, lastEventId);
            }
        }
        Optional<RunRecord> r = index.run(rest);
        if (r.isEmpty()) return Reply.error(404, "no run at " + rest);
        Long instance;
        try {
            instance = instance(query);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "instance: " + e.getMessage());
        }
        Path dir = served.find(r.get().id()).orElseThrow();
        List<String> files = new ArrayList<>();
        for (String f : List.of("result.json", "curve.csv", "events.jsonl", "llm.jsonl")) {
            if (Files.isRegularFile(dir.resolve(f))) files.add(f);
        }
        Path events = dir.resolve("events.jsonl");
        EventLog.Chunk chunk = EventLog.read(events, 0);
        List<EventLog.Event> all = new ArrayList<>(chunk.events());
        long end = chunk.next();
        while (true) { // a long log comes in several reads
            EventLog.Chunk more = EventLog.read(events, end);
            if (more.next() == end) break;
            all.addAll(more.events());
            end = more.next();
        }
        return Reply.html(RunPage.render(r.get(), files, all, end, instance));
    }

    private Reply runPart(String part, RunRecord r, Fields query, String lastEventId) {
        Path dir = served.find(r.id()).orElseThrow();
        switch (part) {
            case "live" -> {
                long from = offset(lastEventId != null ? lastEventId : query.getValue("from"));
                return Reply.events(live.run(r.id(), from));
            }
            case "curve" -> {
                if (r.phase() != RunRecord.Phase.RUNNING && Files.isRegularFile(dir.resolve("curve.csv"))) {
                    try {
                        return Reply.bytes("image/png", pictures.runCurve(dir, stamp(dir.resolve("result.json"))));
                    } catch (RuntimeException e) {
                        // the plot API could not draw it: the events still can
                    }
                }
                String svg = CurveSvg.draw(LiveFeed.curve(EventLog.all(dir.resolve("events.jsonl"))),
                        r.task() + " " + r.method() + " seed " + r.seed());
                return Reply.bytes("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                if (r.bestProgram() == null) return Reply.error(404, "this run has no best program yet");
                long seed;
                try {
                    Long chosen = instance(query);
                    long[] seeds = RunPage.instances(r.instanceSeeds());
                    seed = chosen != null ? chosen : seeds.length > 0 ? seeds[0] : 0;
                } catch (IllegalArgumentException e) {
                    return Reply.error(400, "instance: " + e.getMessage());
                }
                try {
                    return Reply.bytes("image/gif", pictures.episode(r.task(), r.bestProgram(), seed));
                } catch (IllegalArgumentException e) {
                    return Reply.error(400, "cannot animate this run: " + firstLine(e.getMessage()));
                }
            }
        }
    }

    private Reply sweep(String rest, Fields query) {
        if (rest.equals("plot.png") || rest.endsWith("/plot.png")) {
            String id = rest.equals("plot.png") ? "" : rest.substring(0, rest.length() - "/plot.png".length());
            Optional<Path> dir = sweepDir(id);
            String task = query.getValue("task");
            if (dir.isEmpty()) return Reply.error(404, "no sweep at " + id);
            if (task == null || !task.matches("[A-Za-z0-9_.-]{1,64}")) return Reply.error(400, "task: a task name is required");
            try {
                return Reply.bytes("image/png", pictures.taskPlot(dir.get(), task, stamp(dir.get().resolve("summary.csv"))));
            } catch (RuntimeException e) {
                return Reply.error(400, "cannot plot " + task + ": " + firstLine(e.getMessage()));
            }
        }
        Optional<Path> dir = sweepDir(rest);
        if (dir.isEmpty()) return Reply.error(404, "no sweep at " + rest);
        return Reply.html(SweepPage.render(rest, dir.get()));
    }

    private Optional<Path> sweepDir(String id) {
        return served.find(id).filter(Files::isDirectory)
                .filter(d -> Files.isRegularFile(d.resolve("summary.csv")) || Files.isRegularFile(d.resolve("summary.md")));
    }

    private Reply file(String rel) {
        Optional<Path> f = served.find(rel).filter(Files::isRegularFile);
        if (f.isEmpty()) return Reply.error(404, "no such file");
        try {
            // served as data: the browser may not run anything it holds (an .html or .svg put there by hand)
            return Reply.bytes(fileType(f.get()), Files.readAllBytes(f.get())).with("Content-Security-Policy", "sandbox");
        } catch (IOException | OutOfMemoryError e) {
            return Reply.error(500, "cannot read the file");
        }
    }

    private static String fileType(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) return "application/json; charset=utf-8";
        if (n.endsWith(".csv")) return "text/csv; charset=utf-8";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".gif")) return "image/gif";
        if (n.endsWith(".jsonl") || n.endsWith(".md") || n.endsWith(".txt") || n.endsWith(".lock")) return "text/plain; charset=utf-8";
        return "application/octet-stream";
    }

    private static Reply asset(String name, String type) {
        try (InputStream in = Routes.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) return Reply.error(404, "no such asset");
            return Reply.bytes(type, in.readAllBytes());
        } catch (IOException e) {
            return Reply.error(500, "cannot read the asset");
        }
    }

    private static Long instance(Fields query) {
        String v = query.getValue("instance");
        return v == null || v.isBlank() ? null : Seeds.parseOne(v);
    }

    private static long offset(String v) {
        try {
            return v == null ? 0 : Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String stamp(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis() + "/" + Files.size(f);
        } catch (IOException e) {
            return "-";
        }
    }

    private static String trim(String p) {
        return p.replaceAll("^/+|/+$", "");
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.strip().lines().findFirst().orElse("");
    }
}
