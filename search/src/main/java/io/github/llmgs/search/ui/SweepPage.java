package io.github.llmgs.search.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A sweep's summary table (summary.csv, else summary.md as text) and one plot per task. */
final class SweepPage {
    private SweepPage() {}

    static String render(String id, Path dir) {
        String p = id.isEmpty() ? "/sweep" : "/sweep/" + Html.path(id);
        StringBuilder b = new StringBuilder();
        b.append("<h1>Sweep ").append(Html.escape(id.isEmpty() ? "(top)" : id)).append("</h1>\n");
        b.append("<p><a href=\"/?in=").append(Html.query(id)).append("\">its runs</a>; files: ");
        for (String f : new String[] {"summary.md", "summary.csv"}) {
            b.append("<a href=\"/files/").append(Html.path(id + "/" + f)).append("\">").append(f).append("</a> ");
        }
        b.append("</p>\n");
        List<String[]> rows = csv(dir.resolve("summary.csv"));
        Set<String> tasks = new LinkedHashSet<>();
        if (!rows.isEmpty()) {
            b.append("<table id=\"summary\" class=\"sortable\"><thead><tr>");
            for (String h : rows.get(0)) b.append("<th>").append(Html.escape(h)).append("</th>");
            b.append("</tr></thead><tbody>\n");
            int taskColumn = List.of(rows.get(0)).indexOf("task");
            for (String[] row : rows.subList(1, rows.size())) {
                b.append("<tr>");
                for (String cell : row) b.append("<td>").append(Html.escape(cell)).append("</td>");
                b.append("</tr>\n");
                if (taskColumn >= 0 && taskColumn < row.length) tasks.add(row[taskColumn]);
            }
            b.append("</tbody></table>\n");
        } else {
            b.append("<pre id=\"summary\">").append(Html.escape(text(dir.resolve("summary.md")))).append("</pre>\n");
        }
        if (!tasks.isEmpty()) b.append("<h2>Plots</h2>\n");
        for (String t : tasks) {
            b.append("<figure><img class=\"plot\" src=\"").append(p).append("/plot.png?task=").append(Html.query(t))
                    .append("\" alt=\"").append(Html.escape(t)).append(": best score against programs evaluated\" width=\"")
                    .append(Pictures.TASK_WIDTH).append("\" height=\"").append(Pictures.TASK_HEIGHT).append("\"><figcaption>")
                    .append(Html.escape(t)).append("</figcaption></figure>\n");
        }
        return Html.page("Sweep " + id, b.toString());
    }

    /** summary.csv's rows; its cells hold no commas or quotes (task and method names, numbers). */
    static List<String[]> csv(Path file) {
        List<String[]> rows = new ArrayList<>();
        String t = text(file);
        for (String line : t.split("\n")) {
            if (!line.isBlank()) rows.add(line.strip().split(",", -1));
        }
        return rows;
    }

    private static String text(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
