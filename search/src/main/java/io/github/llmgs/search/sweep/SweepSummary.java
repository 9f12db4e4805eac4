package io.github.llmgs.search.sweep;

import io.github.llmgs.search.run.AtomicFiles;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.RunFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates result.json maps per (task, method) into the paper-style table: mean +- sample
 * standard deviation of the best score, fraction of seeds that reached 1.0, median programs
 * evaluated when the final best was first found, and mean wall time per run.
 */
public final class SweepSummary {
    private final Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    private Map<String, Object> engine;
    private double wallSeconds;

    /** The shared engine's metrics over the runs this sweep made, and the sweep's wall time. */
    public void engine(Map<String, Object> metrics, double wallSeconds) {
        this.engine = new LinkedHashMap<>(metrics);
        this.wallSeconds = wallSeconds;
    }

    public void add(Map<String, Object> result) {
        groups.computeIfAbsent(result.get("task") + "\t" + result.get("method"), k -> new ArrayList<>()).add(result);
    }

    public record Row(String task, String method, int runs, double mean, double std, double solvedFraction,
                      double medianProgramsToBest, double meanWallSeconds, String backend) {}

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : groups.entrySet()) {
            String[] key = e.getKey().split("\t");
            List<Map<String, Object>> rs = e.getValue();
            double[] best = new double[rs.size()];
            double[] foundAt = new double[rs.size()];
            double wall = 0;
            int solved = 0;
            for (int i = 0; i < rs.size(); i++) {
                Object b = rs.get(i).get("best_score");
                best[i] = b == null ? Double.NaN : ((Number) b).doubleValue();
                foundAt[i] = ((Number) rs.get(i).get("best_found_at")).doubleValue();
                wall += ((Number) rs.get(i).get("wall_seconds")).doubleValue();
                if (best[i] >= 1.0) solved++;
            }
            double mean = 0;
            for (double b : best) mean += b;
            mean /= best.length;
            double var = 0;
            for (double b : best) var += (b - mean) * (b - mean);
            double std = best.length > 1 ? Math.sqrt(var / (best.length - 1)) : 0;
            java.util.Arrays.sort(foundAt);
            int n = foundAt.length;
            double median = n % 2 == 1 ? foundAt[n / 2] : (foundAt[n / 2 - 1] + foundAt[n / 2]) / 2;
            rows.add(new Row(key[0], key[1], rs.size(), mean, std, (double) solved / rs.size(), median, wall / rs.size(),
                    String.valueOf(rs.get(0).get("backend"))));
        }
        return rows;
    }

    public String markdown() {
        return markdown(null);
    }

    /** The table, after a note line when there is one (a partial sweep says so). */
    public String markdown(String note) {
        StringBuilder sb = new StringBuilder();
        if (note != null) sb.append("_").append(note).append("_\n\n");
        sb.append("| task | method | runs | best score (mean ± std) | reached 1.0 | median programs to final best | wall s/run | backend |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows()) {
            sb.append(String.format("| %s | %s | %d | %.3f ± %.3f | %.0f%% | %,.0f | %.1f | %s |%n", r.task(), r.method(), r.runs(),
                    r.mean(), r.std(), 100 * r.solvedFraction(), r.medianProgramsToBest(), r.meanWallSeconds(), r.backend()));
        }
        sb.append(revisionTable());
        if (engine != null && ((Number) engine.get("engine_calls")).longValue() > 0) {
            sb.append(String.format("%nEngine (the runs made now): %,d calls, %,.0f programs (%,.0f pairs) per call on average, "
                            + "median %,.0f; busy %.0f%% of the %.1f s wall time; the runs waited %,.0f s on it and generated "
                            + "%,.0f s (summed over runs).%n", ((Number) engine.get("engine_calls")).longValue(),
                    (Double) engine.get("programs_per_call_mean"), (Double) engine.get("pairs_per_call_mean"),
                    (Double) engine.get("programs_per_call_median"), 100 * (Double) engine.get("engine_busy_fraction"), wallSeconds,
                    runSeconds("waiting_seconds"), runSeconds("generating_seconds")));
        }
        return sb.toString();
    }

    /**
     * The revision runs' table, empty when there are none: per task and variant, each round's best
     * score averaged over the runs that reached that round (the count in brackets when some did not).
     */
    String revisionTable() {
        Map<String, Map<Integer, List<Double>>> byGroup = new LinkedHashMap<>();
        Map<String, Integer> runs = new LinkedHashMap<>();
        int rounds = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : groups.entrySet()) {
            for (Map<String, Object> r : e.getValue()) {
                if (!(r.get("revision") instanceof Map<?, ?> rev) || !(rev.get("round_bests") instanceof List<?> list)) continue;
                runs.merge(e.getKey(), 1, Integer::sum);
                Map<Integer, List<Double>> perRound = byGroup.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                for (Object o : list) {
                    if (o instanceof Map<?, ?> round && round.get("round") instanceof Number n
                            && round.get("best_score") instanceof Number b) {
                        perRound.computeIfAbsent(n.intValue(), k -> new ArrayList<>()).add(b.doubleValue());
                        rounds = Math.max(rounds, n.intValue() + 1);
                    }
                }
            }
        }
        if (byGroup.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("\nLLM revision: each round's best score (mean over runs)\n\n| task | variant | runs |");
        StringBuilder rule = new StringBuilder("|---|---|---:|");
        for (int r = 0; r < rounds; r++) {
            sb.append(" round ").append(r).append(" |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        for (Map.Entry<String, Map<Integer, List<Double>>> e : byGroup.entrySet()) {
            String[] key = e.getKey().split("\t");
            int n = runs.get(e.getKey());
            sb.append("| ").append(key[0]).append(" | ").append(key[1].replaceFirst("^llm-revision-", "")).append(" | ")
                    .append(n).append(" |");
            for (int r = 0; r < rounds; r++) {
                List<Double> bs = e.getValue().getOrDefault(r, List.of());
                if (bs.isEmpty()) {
                    sb.append(" – |");
                    continue;
                }
                double mean = bs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                sb.append(String.format(" %.3f%s |", mean, bs.size() < n ? " (" + bs.size() + ")" : ""));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A run-engine field summed over the runs that recorded it (runs made before the engine metrics did not). */
    private double runSeconds(String field) {
        double sum = 0;
        for (List<Map<String, Object>> rs : groups.values()) {
            for (Map<String, Object> r : rs) {
                if (r.get("engine") instanceof Map<?, ?> e && e.get(field) instanceof Number n) sum += n.doubleValue();
            }
        }
        return sum;
    }

    /**
     * Writes {@code summary.md} (after the note, if any) and {@code summary.csv} into {@code dir},
     * each whole; returns their paths, the markdown first.
     */
    public List<Path> write(Path dir, String note) {
        Path md = dir.resolve("summary.md"), csv = dir.resolve("summary.csv");
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(md, markdown(note));
            AtomicFiles.write(csv, csv());
        } catch (IOException e) {
            throw new RunFolderException("cannot write the summary in " + dir + ": " + RunDirectory.reason(e));
        }
        return List.of(md, csv);
    }

    public String csv() {
        StringBuilder sb = new StringBuilder("task,method,runs,best_mean,best_std,solved_fraction,median_programs_to_best,wall_seconds_per_run,backend\n");
        for (Row r : rows()) {
            sb.append(String.join(",", r.task(), r.method(), Integer.toString(r.runs()), Double.toString(r.mean()),
                    Double.toString(r.std()), Double.toString(r.solvedFraction()), Double.toString(r.medianProgramsToBest()),
                    Double.toString(r.meanWallSeconds()), r.backend())).append('\n');
        }
        return sb.toString();
    }
}
