package io.github.llmgs.search.cli;

import io.github.llmgs.search.plot.Charts;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** {@code profile --png}: programs/s against batch size and instance count, one line per backend, the devices named. */
final class ProfileChart {
    static final int WIDTH = 900, HEIGHT = 520;

    private ProfileChart() {}

    /** One chart per sweep kind in the rows (as {@code profile} keeps them for --csv), stacked. */
    static byte[] png(List<Map<String, Object>> rows, String task) {
        Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) byKind.computeIfAbsent((String) r.get("sweep"), k -> new ArrayList<>()).add(r);
        List<JFreeChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : byKind.entrySet()) charts.add(chart(e.getKey(), e.getValue(), task));
        return Charts.png(WIDTH, HEIGHT * charts.size(), Charts.grid(charts, 1, WIDTH, HEIGHT));
    }

    private static JFreeChart chart(String kind, List<Map<String, Object>> rows, String task) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        Map<String, String> devices = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String b = (String) r.get("backend");
            devices.put(b, (String) r.get("device"));
            series.computeIfAbsent(b, XYSeries::new)
                    .add(((Number) r.get(kind)).doubleValue(), ((Number) r.get("programs_per_s")).doubleValue());
        }
        series.values().forEach(data::addSeries);
        String x = kind.equals("batch") ? "batch size (programs per call)" : "instances per program";
        JFreeChart c = ChartFactory.createXYLineChart(task + ": programs/s by " + (kind.equals("batch") ? "batch size" : "instance count"),
                x, "programs/s", data, PlotOrientation.VERTICAL, true, false, false);
        for (Map.Entry<String, String> d : devices.entrySet()) c.addSubtitle(new TextTitle(d.getKey() + ": " + d.getValue()));
        XYPlot plot = c.getXYPlot();
        LogAxis axis = new LogAxis(x);
        axis.setBase(2);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        axis.setMinorTickCount(0);
        axis.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
        plot.setDomainAxis(axis);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) renderer.setSeriesStroke(i, new BasicStroke(2f));
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        return c;
    }
}
