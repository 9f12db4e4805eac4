package io.github.llmgs.search.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The runs list: one server-rendered table that sorts and filters through its links and form
 * alone; the script redoes both in place and swaps in live rows.
 */
final class RunsPage {
    record Column(String key, String label, boolean numeric, Function<RunRecord, Comparable<?>> value) {}

    static final List<Column> COLUMNS = List.of(
            new Column("task", "task", false, RunRecord::task),
            new Column("method", "method", false, RunRecord::method),
            new Column("seed", "seed", true, r -> seedNumber(r.seed())),
            new Column("status", "status", false, RunRecord::status),
            new Column("best", "best score", true, RunRecord::bestScore),
            new Column("programs", "programs", true, RunRecord::programs),
            new Column("wall", "wall s", true, RunRecord::wallSeconds));

    private RunsPage() {}

    /** The runs that match the filter (a substring of task, method, seed, status or path) and lie under {@code in}. */
    static List<RunRecord> select(List<RunRecord> runs, String filter, String in, String sort, boolean descending) {
        String q = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        String prefix = in == null || in.isBlank() ? "" : in.replaceAll("^/+|/+$", "") + "/";
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : runs) {
            if (!prefix.isEmpty() && !r.id().startsWith(prefix)) continue;
            if (!q.isEmpty() && !haystack(r).contains(q)) continue;
            out.add(r);
        }
        COLUMNS.stream().filter(c -> c.key().equals(sort)).findFirst().ifPresent(c -> {
            Comparator<RunRecord> cmp = Comparator.comparing(r -> key(c, r), RunsPage::compareKeys);
            out.sort(descending ? cmp.reversed() : cmp);
        });
        return out;
    }

    static String render(RunIndex.Snapshot snap, String filter, String in, String sort, boolean descending) {
        List<RunRecord> runs = select(snap.runs(), filter, in, sort, descending);
        StringBuilder b = new StringBuilder();
        b.append("<h1>Runs</h1>\n");
        if (!snap.sweeps().isEmpty()) {
            b.append("<p class=\"sweeps\">Sweeps: ");
            for (String s : snap.sweeps()) {
                b.append("<a href=\"/sweep/").append(Html.path(s)).append("\">").append(Html.escape(s.isEmpty() ? "(top)" : s))
                        .append("</a> ");
            }
            b.append("</p>\n");
        }
        b.append("<form id=\"filter\" method=\"get\" action=\"/\"><label>Filter <input type=\"search\" name=\"q\" value=\"")
                .append(Html.escape(filter)).append("\" placeholder=\"task, method, status...\"></label>");
        if (in != null && !in.isBlank()) b.append("<input type=\"hidden\" name=\"in\" value=\"").append(Html.escape(in)).append("\">");
        b.append(" <button type=\"submit\">Filter</button></form>\n");
        b.append("<p id=\"count\">").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append(in != null && !in.isBlank() ? " under " + Html.escape(in) : "").append("</p>\n");
        b.append("<table id=\"runs\" class=\"sortable\"><thead><tr>");
        for (Column c : COLUMNS) {
            boolean desc = c.key().equals(sort) && !descending;
            String href = "/?sort=" + c.key() + (desc ? "&amp;desc=1" : "") + (filter == null || filter.isBlank() ? "" : "&amp;q=" + Html.query(filter))
                    + (in == null || in.isBlank() ? "" : "&amp;in=" + Html.query(in));
            b.append("<th data-key=\"").append(c.key()).append("\"").append(c.numeric() ? " data-numeric=\"1\"" : "")
                    .append("><a href=\"").append(href).append("\">").append(c.label()).append("</a></th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (RunRecord r : runs) b.append(row(r));
        b.append("</tbody></table>\n");
        if (runs.isEmpty()) b.append("<p class=\"empty\">No runs here yet; start one with <code>llmgs search --out DIR</code>.</p>\n");
        b.append("<div id=\"live\" data-kind=\"runs\" data-src=\"/live\"></div>\n");
        return Html.page("Runs", b.toString());
    }

    static String row(RunRecord r) {
        String link = "<a href=\"/run/" + Html.path(r.id()) + "\">";
        return "<tr data-id=\"" + Html.escape(r.id()) + "\" class=\"" + r.phase().word() + "\">"
                + "<td>" + link + Html.escape(r.task()) + "</a></td>"
                + "<td>" + Html.escape(r.method()) + "</td>"
                + "<td data-v=\"" + Html.escape(r.seed()) + "\">" + Html.escape(r.seed()) + "</td>"
                + "<td class=\"status\">" + Html.escape(r.status()) + "</td>"
                + "<td class=\"num\" data-v=\"" + (r.bestScore() == null ? "" : r.bestScore()) + "\">" + Html.score(r.bestScore()) + "</td>"
                + "<td class=\"num\" data-v=\"" + (r.programs() == null ? "" : r.programs()) + "\">" + Html.count(r.programs()) + "</td>"
                + "<td class=\"num\" data-v=\"" + (r.wallSeconds() == null ? "" : r.wallSeconds()) + "\">" + Html.seconds(r.wallSeconds()) + "</td>"
                + "</tr>\n";
    }

    private static String haystack(RunRecord r) {
        return String.join(" ", r.id(), String.valueOf(r.task()), String.valueOf(r.method()), String.valueOf(r.seed()),
                String.valueOf(r.status())).toLowerCase(Locale.ROOT);
    }

    private static Comparable<?> key(Column c, RunRecord r) {
        return c.value().apply(r);
    }

    /** Missing values sort last; numbers by value, text case-blind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Comparable<?> a, Comparable<?> b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        if (a instanceof String x && b instanceof String y) return x.compareToIgnoreCase(y);
        return ((Comparable) a).compareTo(b);
    }

    private static Long seedNumber(String seed) {
        try {
            return seed == null ? null : Long.parseLong(seed);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
