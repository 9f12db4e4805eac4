package io.github.llmgs.search.plot;

import io.github.llmgs.search.run.AtomicFiles;
import io.github.llmgs.search.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The paper's figures from a folder of runs: per task, best score against programs evaluated
 * (log x), the mean over seeds with a band, one line per method, as PNG and SVG, and all tasks
 * in one grid image. The entry points for {@code llmgs plot} and the dashboard; bad input is a
 * {@link PlotException}.
 */
public final class Figures {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    private static final int CELL_WIDTH = 640;
    private static final int CELL_HEIGHT = 420;
    private static final int GRID_COLUMNS = 3;

    private Figures() {}

    /**
     * What {@link #write} wrote: per task (in the order found) its PNG and SVG, the grid's PNG
     * and SVG, how many runs went in, and the runs left out with why.
     */
    public record Written(Map<String, List<Path>> tasks, List<Path> grid, int runs, List<SkippedRun> skipped) {}

    /** Every task's figure and the grid, into outDir (created when missing), each file written whole. */
    public static Written write(Path runsDir, Path outDir, Band band) {
        Runs runs = Runs.find(runsDir);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new PlotException("cannot create " + outDir + ": " + RunDirectory.reason(e));
        }
        Map<String, List<Path>> tasks = new LinkedHashMap<>();
        List<JFreeChart> charts = new ArrayList<>();
        for (String task : runs.tasks()) {
            JFreeChart chart = Charts.task(Curves.task(task, runs.finished(), band), band, runs.methods());
            charts.add(chart);
            String base = fileName(task);
            Path png = outDir.resolve(base + ".png");
            Path svg = outDir.resolve(base + ".svg");
            write(png, Charts.png(WIDTH, HEIGHT, Charts.one(chart, WIDTH, HEIGHT)));
            write(svg, Charts.svg(WIDTH, HEIGHT, Charts.one(chart, WIDTH, HEIGHT)).getBytes(StandardCharsets.UTF_8));
            tasks.put(task, List.of(png, svg));
        }
        int cols = Math.min(GRID_COLUMNS, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        int w = cols * CELL_WIDTH, h = rows * CELL_HEIGHT;
        Path gridPng = outDir.resolve("grid.png");
        Path gridSvg = outDir.resolve("grid.svg");
        write(gridPng, Charts.png(w, h, Charts.grid(charts, cols, CELL_WIDTH, CELL_HEIGHT)));
        write(gridSvg, Charts.svg(w, h, Charts.grid(charts, cols, CELL_WIDTH, CELL_HEIGHT)).getBytes(StandardCharsets.UTF_8));
        return new Written(java.util.Collections.unmodifiableMap(tasks), List.of(gridPng, gridSvg), runs.finished().size(),
                runs.skipped());
    }

    /** One task's figure (standard-error band) as PNG bytes. */
    public static byte[] taskPng(Path runsDir, String task, int width, int height) {
        checkSize(width, height);
        Runs runs = Runs.find(runsDir);
        if (!runs.tasks().contains(task)) {
            throw new PlotException("no finished runs of task " + task + " in " + runsDir + " (tasks: "
                    + String.join(", ", runs.tasks()) + ")");
        }
        JFreeChart chart = Charts.task(Curves.task(task, runs.finished(), Band.STDERR), Band.STDERR, runs.methods());
        return Charts.png(width, height, Charts.one(chart, width, height));
    }

    /**
     * One run's own curve as PNG bytes: any run directory with a curve.csv, finished or not
     * (its status, or the lack of one, is in the subtitle).
     */
    public static byte[] runPng(Path runDir, int width, int height) {
        checkSize(width, height);
        JFreeChart chart = Charts.run(RunCurve.readAny(runDir));
        return Charts.png(width, height, Charts.one(chart, width, height));
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new PlotException("figure size " + width + "x" + height + " is outside 100..10000 pixels a side");
        }
    }

    /** Task names are identifiers; anything else becomes '_' so a name cannot leave outDir. */
    static String fileName(String task) {
        String safe = task.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    /** Written whole, readable by all ({@link AtomicFiles}). */
    private static void write(Path target, byte[] content) {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new PlotException("cannot write " + target + ": " + RunDirectory.reason(e));
        }
    }
}
