package io.github.llmgs.search.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The figures' drawing: JFreeChart charts from {@link Curves}' data, rendered to PNG (Java2D)
 * or SVG (JFreeSVG's Graphics2D), alone or several in a grid. Nothing here computes a value.
 */
public final class Charts {
    static {
        // before the first AWT call: a server or CI machine has no display
        System.setProperty("java.awt.headless", "true");
        // JFreeChart draws rotated text (the y axis label) as glyph outlines by default, a
        // workaround for a JDK 1.4 bug; with it off the SVG keeps the label as text
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Okabe-Ito: tells methods apart in colour-blind reading and in greyscale print. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private Charts() {}

    /**
     * A task's figure: per method the mean as a step line and the band shaded; {@code methods}
     * fixes the colours (a method's index in it), so a method looks the same in every figure.
     */
    public static JFreeChart task(Curves.TaskCurves curves, Band band, List<String> methods) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        boolean sameSeeds = curves.minSeeds() == curves.maxSeeds();
        for (Curves.MethodCurve m : curves.methods()) {
            YIntervalSeries s = new YIntervalSeries(sameSeeds ? m.method() : m.method() + " (" + m.seeds() + " seeds)", false, true);
            for (int i = 0; i < m.x().length; i++) s.add(m.x()[i], m.mean()[i], m.low()[i], m.high()[i]);
            data.addSeries(s);
        }
        DeviationStepRenderer renderer = new DeviationStepRenderer(true, false);
        renderer.setAlpha(0.2f);
        for (int i = 0; i < curves.methods().size(); i++) {
            Paint p = colour(curves.methods().get(i).method(), methods);
            renderer.setSeriesPaint(i, p);
            renderer.setSeriesFillPaint(i, p);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        String seeds = sameSeeds ? seeds(curves.minSeeds()) : curves.minSeeds() + "-" + curves.maxSeeds() + " seeds per method";
        double lo = curves.methods().stream().mapToDouble(m -> m.x()[0]).min().orElse(1);
        double hi = curves.methods().stream().mapToDouble(Curves.MethodCurve::end).max().orElse(10);
        JFreeChart chart = chart(curves.task() + ": " + seeds, band.label(), data, renderer, lo, hi);
        return chart;
    }

    /** One run's own curve: its best score as a step line up to where it stopped. */
    public static JFreeChart run(RunCurve run) {
        XYSeries s = new XYSeries(run.method(), false, true);
        for (int i = 0; i < run.evaluated().length; i++) s.add(run.evaluated()[i], run.best()[i]);
        if (run.end() > run.evaluated()[run.evaluated().length - 1]) s.add(run.end(), run.finalBest());
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        String status = run.status() == null ? "no result.json yet" : run.status();
        String sub = String.format("%s: best %s after %,d of %,d programs", status, score(run.finalBest()),
                run.evaluated()[run.evaluated().length - 1], run.end());
        JFreeChart chart = chart(run.task() + " / " + run.method() + " / seed " + run.seed(), sub,
                new XYSeriesCollection(s), renderer, run.first(), run.end());
        chart.removeLegend();
        return chart;
    }

    private static JFreeChart chart(String title, String subtitle, org.jfree.data.xy.XYDataset data,
                                    org.jfree.chart.renderer.xy.XYItemRenderer renderer, double lo, double hi) {
        LogAxis x = new LogAxis("programs evaluated");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        x.setSmallestValue(1);
        if (hi / lo >= 100) {
            // ticks at the powers of ten only: 3.16 and 31.6 read badly in a paper
            x.setTickUnit(new NumberTickUnit(1.0), false, false);
            x.setAutoTickUnitSelection(false);
        }
        // a curve that is one point still gets an axis around it
        x.setRange(lo / 1.3, Math.max(hi, lo * 1.5) * 1.3);
        NumberAxis y = new NumberAxis("best score");
        y.setLabelFont(LABEL);
        y.setTickLabelFont(TICK);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(Color.GRAY);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(subtitle, SUBTITLE);
        sub.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(sub);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(TICK);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    private static Paint colour(String method, List<String> methods) {
        int i = Math.max(0, methods.indexOf(method));
        return PALETTE[i % PALETTE.length];
    }

    private static String seeds(int n) {
        return n == 1 ? "1 seed" : n + " seeds";
    }

    private static String score(double s) {
        return new DecimalFormat("0.######").format(s);
    }

    /** Charts side by side, {@code cols} to a row, each in a cellW x cellH cell. */
    public static Consumer<Graphics2D> grid(List<JFreeChart> charts, int cols, int cellW, int cellH) {
        return g -> {
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double((i % cols) * cellW, (i / cols) * cellH, cellW, cellH));
            }
        };
    }

    public static Consumer<Graphics2D> one(JFreeChart chart, int width, int height) {
        return g -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    }

    public static byte[] png(int width, int height, Consumer<Graphics2D> draw) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw.accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String svg(int width, int height, Consumer<Graphics2D> draw) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // JFreeSVG's default id prefix is the clock: a fixed one makes the same data the same file
        g.setDefsKeyPrefix("llmgs");
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, width, height);
        draw.accept(g);
        return g.getSVGDocument();
    }
}
