package io.github.llmgs.search.ui;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.llm.DslToPython;
import io.github.llmgs.search.config.Seeds;
import java.util.List;
import java.util.Map;

/** One run: its numbers, curve, best program, an episode of it, and its events. */
final class RunPage {
    /** The instance select offers at most this many of the run's instance seeds. */
    static final int MAX_INSTANCES = 64;
    private static final int MAX_EVENTS = 2000;

    private RunPage() {}

    /** @param files the run's files that exist (result.json, curve.csv, ...), linked as they are */
    static String render(RunRecord r, List<String> files, List<EventLog.Event> events, long eventsEnd, Long instance) {
        String p = "/run/" + Html.path(r.id());
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.escape(r.task())).append(" / ").append(Html.escape(r.method())).append(" / seed ")
                .append(Html.escape(r.seed())).append("</h1>\n");
        b.append("<table class=\"facts\"><tbody>\n");
        fact(b, "status", "status", r.status());
        fact(b, "best", "best score", Html.score(r.bestScore()));
        fact(b, "programs", r.phase() == RunRecord.Phase.RUNNING ? "programs (at the latest best)" : "programs evaluated", Html.count(r.programs()));
        fact(b, "wall", "wall s", Html.seconds(r.wallSeconds()));
        if (r.result() != null) {
            fact(b, null, "backend", RunReader.text(r.result().get("backend")) + " (" + RunReader.text(r.result().get("device")) + ")");
            fact(b, null, "best found at", Html.count(RunReader.whole(r.result().get("best_found_at"))));
        }
        fact(b, null, "instance seeds", r.instanceSeeds());
        fact(b, null, "directory", r.id());
        b.append("</tbody></table>\n<p class=\"files\">Files: ");
        for (String f : files) {
            b.append("<a href=\"/files/").append(Html.path(r.id() + "/" + f)).append("\">").append(f).append("</a> ");
        }
        b.append("</p>\n");

        b.append("<h2>Curve</h2>\n<p><img id=\"curve\" src=\"").append(p).append("/curve?v=").append(eventsEnd)
                .append("\" data-src=\"").append(p).append("/curve?v=").append("\" alt=\"best score against programs evaluated\" width=\"").append(CurveSvg.WIDTH)
                .append("\" height=\"").append(CurveSvg.HEIGHT).append("\"></p>\n");

        b.append("<h2>Best program</h2>\n<pre id=\"program\">").append(Html.escape(ProgramLayout.indent(r.bestProgram())))
                .append("</pre>\n");
        String python = python(r.task(), r.bestProgram());
        if (python != null) {
            b.append("<p class=\"note\">In the Python form the LLM prompts use (when the page was loaded):</p>\n<pre id=\"python\">")
                    .append(Html.escape(python)).append("</pre>\n");
        }

        b.append("<h2>Episode</h2>\n");
        long[] seeds = instances(r.instanceSeeds());
        long chosen = instance != null ? instance : seeds.length > 0 ? seeds[0] : 0;
        b.append("<form id=\"episode-form\" method=\"get\" action=\"").append(p).append("\"><label>Instance seed <select name=\"instance\">");
        boolean listed = false;
        for (int i = 0; i < seeds.length && i < MAX_INSTANCES; i++) {
            listed |= seeds[i] == chosen;
            b.append("<option value=\"").append(seeds[i]).append("\"").append(seeds[i] == chosen ? " selected" : "").append(">")
                    .append(seeds[i]).append("</option>");
        }
        if (!listed) b.append("<option value=\"").append(chosen).append("\" selected>").append(chosen).append("</option>");
        b.append("</select></label> <button type=\"submit\">Show</button></form>\n");
        // without a best program yet the image waits, hidden, for the live script to give it one
        String gif = p + "/episode.gif?instance=" + chosen + "&amp;v=";
        if (r.bestProgram() == null) b.append("<p id=\"episode-none\">No best program yet.</p>\n");
        b.append("<p><img id=\"episode\"").append(r.bestProgram() == null ? " hidden" : " src=\"" + gif + eventsEnd + "\"")
                .append(" data-src=\"").append(gif).append("\" alt=\"the best program playing instance ").append(chosen).append("\"></p>\n");

        b.append("<h2>Events</h2>\n<table id=\"events\"><thead><tr><th>type</th><th>time</th><th>evaluated</th><th>score</th>"
                + "<th>details</th></tr></thead><tbody>\n");
        int from = Math.max(0, events.size() - MAX_EVENTS);
        if (from > 0) b.append("<tr><td colspan=\"5\">(").append(from).append(" earlier events in events.jsonl)</td></tr>\n");
        for (EventLog.Event e : events.subList(from, events.size())) b.append(eventRow(e.fields()));
        b.append("</tbody></table>\n");
        b.append("<div id=\"live\" data-kind=\"run\" data-src=\"").append(p).append("/live\" data-offset=\"").append(eventsEnd)
                .append("\" data-phase=\"").append(r.phase().word()).append("\"></div>\n");
        return Html.page(r.task() + " " + r.method() + " " + r.seed(), b.toString());
    }

    static String eventRow(Map<String, Object> f) {
        StringBuilder details = new StringBuilder();
        for (Map.Entry<String, Object> e : f.entrySet()) {
            String k = e.getKey();
            if (k.equals("type") || k.equals("time") || k.equals("evaluated") || k.equals("score")) continue;
            if (details.length() > 0) details.append("; ");
            details.append(k).append(": ").append(e.getValue());
        }
        String d = details.length() > 400 ? details.substring(0, 400) + "..." : details.toString();
        return "<tr class=\"" + Html.escape(f.get("type")) + "\"><td>" + Html.escape(f.get("type")) + "</td><td>" + Html.escape(f.get("time"))
                + "</td><td class=\"num\">" + Html.escape(f.get("evaluated")) + "</td><td class=\"num\">" + Html.escape(f.get("score"))
                + "</td><td class=\"details\">" + Html.escape(d) + "</td></tr>\n";
    }

    private static void fact(StringBuilder b, String id, String label, String value) {
        b.append("<tr><th>").append(Html.escape(label)).append("</th><td").append(id == null ? "" : " id=\"" + id + "\"").append(">")
                .append(Html.escape(value)).append("</td></tr>\n");
    }

    /** The run's instance seeds, or none when it does not say (or says something unreadable). */
    static long[] instances(String text) {
        try {
            return text == null ? new long[0] : Seeds.parse(text);
        } catch (IllegalArgumentException e) {
            return new long[0];
        }
    }

    /** The program as the prompts' Python ({@link DslToPython}), or null when there is none or it does not parse. */
    static String python(String task, String program) {
        if (program == null || task == null) return null;
        Vocabulary domain = MiniGridTasks.find(task).isPresent() ? Domains.MINIGRID : Domains.KAREL;
        try {
            return DslToPython.print(Parser.parse(program, domain));
        } catch (ParseException e) {
            return null;
        }
    }
}
