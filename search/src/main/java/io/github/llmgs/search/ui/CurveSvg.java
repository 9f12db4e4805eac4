package io.github.llmgs.search.ui;

import java.util.List;
import java.util.Locale;

/**
 * A running run's curve as an SVG step plot, drawn from its new_best events: curve.csv and the
 * plot API's figure exist only once the run has ended, and the live page redraws this image on
 * every new best.
 */
final class CurveSvg {
    static final int WIDTH = 640, HEIGHT = 320;
    private static final int LEFT = 56, RIGHT = 16, TOP = 16, BOTTOM = 40;

    record Point(long evaluated, double best) {}

    private CurveSvg() {}

    static String draw(List<Point> points, String title) {
        long maxX = 1;
        double minY = 0, maxY = 1;
        for (Point p : points) {
            maxX = Math.max(maxX, p.evaluated());
            minY = Math.min(minY, p.best());
            maxY = Math.max(maxY, p.best());
        }
        double w = WIDTH - LEFT - RIGHT, h = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        sb.append("<title>").append(Html.escape(title)).append("</title>");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#999\"/>", LEFT, TOP, w, h));
        for (int i = 0; i <= 4; i++) {
            double v = minY + (maxY - minY) * i / 4;
            double y = TOP + h - h * (v - minY) / (maxY - minY);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, LEFT + w, y, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>", LEFT - 6, y + 4, v));
        }
        for (int i = 0; i <= 4; i++) {
            long v = Math.round((double) maxX * i / 4);
            double x = LEFT + w * v / maxX;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>", x, TOP + (int) h + 16, v));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">programs evaluated</text>", LEFT + w / 2, HEIGHT - 6));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %.1f) rotate(-90)\" text-anchor=\"middle\">best score</text>", TOP + h / 2));
        if (!points.isEmpty()) {
            StringBuilder path = new StringBuilder();
            double prevY = 0;
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                double x = LEFT + w * p.evaluated() / maxX;
                double y = TOP + h - h * (p.best() - minY) / (maxY - minY);
                if (i == 0) path.append(String.format(Locale.ROOT, "M%.1f %.1f", x, y));
                else path.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x, prevY, x, y));
                prevY = y;
            }
            path.append(String.format(Locale.ROOT, " L%.1f %.1f", LEFT + w, prevY));
            sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>");
        } else {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#888\">no program scored yet</text>", LEFT + w / 2, TOP + h / 2));
        }
        return sb.append("</svg>").toString();
    }
}
