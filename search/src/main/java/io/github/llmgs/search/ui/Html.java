package io.github.llmgs.search.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Escaping and the page frame shared by every page; everything from a file is escaped. */
final class Html {
    private Html() {}

    static String escape(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A path under the served directory as URL path segments ("Harvester/hc/0" stays readable). */
    static String path(String relative) {
        StringBuilder sb = new StringBuilder();
        for (String seg : relative.split("/")) {
            if (seg.isEmpty()) continue;
            if (sb.length() > 0) sb.append('/');
            sb.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String score(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    static String count(Long v) {
        return v == null ? "" : String.format(Locale.ROOT, "%,d", v);
    }

    static String seconds(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " - llmgs</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/ui.css\">"
                + "<script src=\"/assets/ui.js\" defer></script></head><body>"
                + "<header><a href=\"/\">llmgs runs</a></header><main>\n" + body + "\n</main></body></html>\n";
    }
}
