package io.github.llmgs.search.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.search.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's best score as a step function of programs evaluated, read from its curve.csv (one
 * row per improvement). At n programs the best is the last row with programs_evaluated <= n;
 * before the first row the run has no score (NaN). Past the last row it holds that row's score:
 * a curve only changes when the search improves, and a finished run's best is final, so this
 * also holds past {@link #end()}.
 *
 * @param evaluated the rows' programs_evaluated, strictly increasing, each >= 1
 * @param best the rows' best_score, one per row
 * @param end programs evaluated when the run stopped (result.json), at least the last row's;
 *     its own figure is drawn to here
 * @param status result.json's status, or null for a run without one (still being written)
 */
public record RunCurve(Path dir, String task, String method, String seed, String status,
                       long[] evaluated, double[] best, long end) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "programs_evaluated,best_score";

    /** The best score after n programs, NaN before the first improvement. */
    public double valueAt(double n) {
        int i = lastAtOrBelow(n);
        return i < 0 ? Double.NaN : best[i];
    }

    /** Where the run first has a score. */
    public long first() {
        return evaluated[0];
    }

    public double finalBest() {
        return best[best.length - 1];
    }

    private int lastAtOrBelow(double n) {
        int lo = 0, hi = evaluated.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (evaluated[mid] <= n) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** A finished run's curve, with its names from the result.json already read. */
    static RunCurve read(Path dir, Map<String, Object> result) {
        Rows rows = readRows(dir.resolve("curve.csv"));
        long end = result.get("programs_evaluated") instanceof Number n ? n.longValue() : 0;
        return new RunCurve(dir, text(result.get("task")), text(result.get("method")), text(result.get("seed")),
                text(result.get("status")), rows.evaluated, rows.best, Math.max(end, rows.last()));
    }

    /**
     * Any run with a curve.csv, finished or not: names from result.json when it is there and
     * readable, else from the path {@code <task>/<method>/<seed>}.
     */
    static RunCurve readAny(Path dir) {
        Path csv = dir.resolve("curve.csv");
        if (!Files.isRegularFile(csv)) throw new PlotException(dir + ": no curve.csv (not a run directory, or a run still going)");
        Map<String, Object> result = new LinkedHashMap<>();
        Path json = dir.resolve("result.json");
        if (Files.isRegularFile(json)) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> read = JSON.readValue(json.toFile(), LinkedHashMap.class);
                if (read != null) result = read;
            } catch (IOException | RuntimeException unreadable) {
                // the curve alone still makes the figure; the names come from the path
            }
        }
        Path abs = dir.toAbsolutePath().normalize();
        result.putIfAbsent("seed", name(abs));
        result.putIfAbsent("method", name(abs.getParent()));
        result.putIfAbsent("task", abs.getParent() == null ? null : name(abs.getParent().getParent()));
        return read(dir, result);
    }

    private static String name(Path p) {
        return p == null || p.getFileName() == null ? "?" : p.getFileName().toString();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private record Rows(long[] evaluated, double[] best) {
        long last() {
            return evaluated[evaluated.length - 1];
        }
    }

    private static Rows readRows(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlotException(csv + ": no such file");
        } catch (IOException e) {
            throw new PlotException(csv + ": cannot read it: " + RunDirectory.reason(e));
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new PlotException(csv + ":1: expected the header '" + HEADER + "'");
        }
        long[] x = new long[lines.size() - 1];
        double[] y = new double[lines.size() - 1];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String where = csv + ":" + (i + 1) + ": ";
            String[] f = line.split(",", -1);
            if (f.length != 2) throw new PlotException(where + "expected 2 fields (programs_evaluated,best_score), found " + f.length);
            long ev;
            double b;
            try {
                ev = Long.parseLong(f[0].strip());
            } catch (NumberFormatException e) {
                throw new PlotException(where + "programs_evaluated '" + f[0] + "' is not a whole number");
            }
            try {
                b = Double.parseDouble(f[1].strip());
            } catch (NumberFormatException e) {
                throw new PlotException(where + "best_score '" + f[1] + "' is not a number");
            }
            if (ev < 1) throw new PlotException(where + "programs_evaluated " + ev + " is below 1");
            if (!Double.isFinite(b)) throw new PlotException(where + "best_score " + f[1] + " is not finite");
            if (n > 0 && ev <= x[n - 1]) {
                throw new PlotException(where + "programs_evaluated " + ev + " does not come after " + x[n - 1]);
            }
            x[n] = ev;
            y[n] = b;
            n++;
        }
        if (n == 0) throw new PlotException(csv + ": no rows after the header (the run scored no program)");
        return new Rows(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }
}
