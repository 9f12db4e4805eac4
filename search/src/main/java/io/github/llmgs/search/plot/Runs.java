package io.github.llmgs.search.plot;

import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs below a folder (a sweep's output, or any tree of run directories): every directory
 * holding a run's files. Finished runs (status solved or budget) are plotted; the rest
 * (interrupted, failed, killed, in progress) are skipped and reported, never averaged in.
 */
public record Runs(List<RunCurve> finished, List<SkippedRun> skipped) {
    private static final List<String> MARKERS = List.of("result.json", "curve.csv", "events.jsonl");

    public static Runs find(Path root) {
        if (!Files.isDirectory(root)) {
            throw new PlotException(root + ": " + (Files.exists(root) ? "not a directory" : "no such directory"));
        }
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(root)) {
            dirs = walk.filter(Files::isDirectory)
                    .filter(d -> MARKERS.stream().anyMatch(f -> Files.isRegularFile(d.resolve(f))))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new PlotException(root + ": cannot list it: " + RunDirectory.reason(e));
        } catch (UncheckedIOException e) {
            throw new PlotException(root + ": cannot list it: " + RunDirectory.reason(e.getCause()));
        }
        List<RunCurve> finished = new ArrayList<>();
        List<SkippedRun> skipped = new ArrayList<>();
        for (Path d : dirs) {
            RunFolder folder = RunFolder.inspect(d);
            if (!folder.finished()) {
                skipped.add(new SkippedRun(d, folder.describe()));
            } else if (!Files.isRegularFile(d.resolve("curve.csv"))) {
                skipped.add(new SkippedRun(d, "a finished run without curve.csv"));
            } else if (folder.result().get("task") == null || folder.result().get("method") == null) {
                skipped.add(new SkippedRun(d, "result.json names no task or method"));
            } else {
                finished.add(RunCurve.read(d, folder.result()));
            }
        }
        checkOneRunPerSeed(finished);
        if (finished.isEmpty()) {
            throw new PlotException(dirs.isEmpty()
                    ? "no runs in " + root + " (no result.json or curve.csv below it)"
                    : "no finished runs in " + root + " (" + dirs.size() + " unfinished, e.g. " + skipped.get(0).dir()
                            + ": " + skipped.get(0).why() + ")");
        }
        return new Runs(List.copyOf(finished), List.copyOf(skipped));
    }

    /**
     * Two runs of one task, method and seed (two sweeps below one folder) would count one seed
     * twice in the mean and the title; the user picks the sweep.
     */
    private static void checkOneRunPerSeed(List<RunCurve> runs) {
        java.util.Map<String, Path> seen = new java.util.HashMap<>();
        for (RunCurve r : runs) {
            Path other = seen.putIfAbsent(r.task() + "\t" + r.method() + "\t" + r.seed(), r.dir());
            if (other != null) {
                throw new PlotException(other + " and " + r.dir() + " are both " + r.task() + " " + r.method() + " seed "
                        + r.seed() + "; plot one sweep at a time (pass a folder that holds one of them)");
            }
        }
    }

    /** The tasks in first-seen order (the sweep's directory order). */
    public List<String> tasks() {
        return finished.stream().map(RunCurve::task).distinct().toList();
    }

    /** Every method, sorted, so a method keeps one colour in every figure. */
    public List<String> methods() {
        return finished.stream().map(RunCurve::method).distinct().sorted().toList();
    }

    public List<RunCurve> of(String task) {
        return finished.stream().filter(r -> r.task().equals(task)).toList();
    }
}
