package io.github.llmgs.search.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class FiguresTest {
    @TempDir
    Path tmp;

    @Test
    void chartDatasetHoldsTheCurves() {
        TestRuns.threeSeeds(tmp, "DoorKey", "hc");
        TestRuns.threeSeeds(tmp, "DoorKey", "shc");
        Runs runs = Runs.find(tmp);
        Curves.TaskCurves curves = Curves.task("DoorKey", runs.finished(), Band.MINMAX);
        JFreeChart chart = Charts.task(curves, Band.MINMAX, runs.methods());
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection data = assertInstanceOf(YIntervalSeriesCollection.class, plot.getDataset());
        assertEquals(2, data.getSeriesCount());
        assertEquals("hc", data.getSeriesKey(0));
        for (int s = 0; s < 2; s++) {
            Curves.MethodCurve m = curves.methods().get(s);
            assertEquals(m.x().length, data.getItemCount(s));
            for (int i = 0; i < m.x().length; i++) {
                assertEquals(m.x()[i], data.getXValue(s, i));
                assertEquals(m.mean()[i], data.getYValue(s, i));
                assertEquals(m.low()[i], data.getStartYValue(s, i));
                assertEquals(m.high()[i], data.getEndYValue(s, i));
            }
        }
        // the hand-worked values of CurvesTest at x = 100: seeds 1, .4, .3
        assertEquals(100, data.getXValue(0, 3));
        assertEquals(1.7 / 3, data.getYValue(0, 3), 1e-12);
        assertEquals(0.3, data.getStartYValue(0, 3), 1e-12);
        assertEquals(1.0, data.getEndYValue(0, 3), 1e-12);

        assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertEquals("programs evaluated", plot.getDomainAxis().getLabel());
        assertEquals("best score", plot.getRangeAxis().getLabel());
        assertEquals("DoorKey: 3 seeds", chart.getTitle().getText());
        assertEquals(Band.MINMAX.label(), ((TextTitle) chart.getSubtitle(1)).getText());
        assertEquals(2, chart.getLegend().getSources()[0].getLegendItems().getItemCount());
    }

    @Test
    void writesPngAndSvgPerTaskAndTheGrid() throws Exception {
        TestRuns.threeSeeds(tmp.resolve("runs"), "DoorKey", "hc");
        TestRuns.threeSeeds(tmp.resolve("runs"), "Harvester", "shc");
        TestRuns.run(tmp.resolve("runs"), "Harvester", "shc", 7, "interrupted", 5, "1,0.5");
        Path out = tmp.resolve("figs");
        Figures.Written w = Figures.write(tmp.resolve("runs"), out, Band.STDERR);

        assertEquals(List.of("DoorKey", "Harvester"), List.copyOf(w.tasks().keySet()));
        assertEquals(List.of(out.resolve("DoorKey.png"), out.resolve("DoorKey.svg")), w.tasks().get("DoorKey"));
        assertEquals(List.of(out.resolve("grid.png"), out.resolve("grid.svg")), w.grid());
        assertEquals(6, w.runs());
        assertEquals(1, w.skipped().size());
        assertEquals(tmp.resolve("runs/Harvester/shc/7"), w.skipped().get(0).dir());

        assertPng(Files.readAllBytes(out.resolve("DoorKey.png")), Figures.WIDTH, Figures.HEIGHT);
        assertPng(Files.readAllBytes(out.resolve("grid.png")), 2 * 640, 420);
        Document svg = parse(out.resolve("Harvester.svg"));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("Harvester: 3 seeds"), text);
        assertTrue(text.contains("programs evaluated") && text.contains("best score"), text);
        assertTrue(text.contains(Band.STDERR.label()), text);
        String grid = parse(out.resolve("grid.svg")).getDocumentElement().getTextContent();
        assertTrue(grid.contains("DoorKey: 3 seeds") && grid.contains("Harvester: 3 seeds"), grid);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(6, left.count(), "no temporary files left beside the figures");
        }
    }

    @Test
    void taskPngAtTheAskedSize() throws IOException {
        TestRuns.threeSeeds(tmp, "DoorKey", "hc");
        assertPng(Figures.taskPng(tmp, "DoorKey", 640, 400), 640, 400);
        PlotException e = assertThrows(PlotException.class, () -> Figures.taskPng(tmp, "Snake", 640, 400));
        assertEquals("no finished runs of task Snake in " + tmp + " (tasks: DoorKey)", e.getMessage());
    }

    @Test
    void runPngOfAFinishedRunAndOfOneWithoutResult() throws IOException {
        Path run = TestRuns.run(tmp, "DoorKey", "hc", 0, "budget", 5000, "1,0.0", "30,0.25", "2000,0.5");
        assertPng(Figures.runPng(run, 500, 300), 500, 300);
        Files.delete(run.resolve("result.json"));
        assertPng(Figures.runPng(run, 300, 200), 300, 200);
        RunCurve live = RunCurve.readAny(run);
        assertEquals("DoorKey", live.task());
        assertEquals("hc", live.method());
        assertEquals("0", live.seed());
        assertEquals(2000, live.end());
        Files.delete(run.resolve("curve.csv"));
        assertThrows(PlotException.class, () -> Figures.runPng(run, 300, 200));
    }

    @Test
    void runChartIsAStepLineToTheRunsEnd() {
        Path run = TestRuns.run(tmp, "DoorKey", "hc", 0, "budget", 5000, "1,0.0", "30,0.25", "2000,0.5");
        JFreeChart chart = Charts.run(RunCurve.readAny(run));
        var data = chart.getXYPlot().getDataset();
        assertEquals(4, data.getItemCount(0));
        assertEquals(5000, data.getXValue(0, 3));
        assertEquals(0.5, data.getYValue(0, 3));
        assertInstanceOf(org.jfree.chart.renderer.xy.XYStepRenderer.class, chart.getXYPlot().getRenderer());
        assertEquals("DoorKey / hc / seed 0", chart.getTitle().getText());
    }

    @Test
    void fileNamesStayInsideTheOutputFolder() {
        assertEquals("DoorKey", Figures.fileName("DoorKey"));
        assertEquals("_._x", Figures.fileName("../x"));
    }

    private static void assertPng(byte[] png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }

    /** As XML, without fetching the DTD the SVG names (tests run offline). */
    private static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }
}
