package io.github.llmgs.search.cli;

import io.github.llmgs.search.plot.Band;
import io.github.llmgs.search.plot.Figures;
import io.github.llmgs.search.plot.PlotException;
import io.github.llmgs.search.plot.SkippedRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code llmgs plot}: the paper-style curves of a sweep (or any folder of runs). */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw best score against programs evaluated (log x) for every task under DIR: the mean over seeds "
                + "as a step line per method with a shaded band, as TASK.png and TASK.svg, plus grid.png and grid.svg "
                + "with all tasks.",
                "DIR is a sweep's --out or any folder of run directories (found at any depth). Only finished runs "
                        + "(solved or budget) are plotted; the others are listed and left out. A run holds its final "
                        + "best after it stops; a method's curve starts where every seed has a score."},
        footer = {"", "Examples:", "  llmgs plot output", "  llmgs plot output --band minmax --out figures"})
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A sweep's output folder, or any folder holding run directories.")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR2", description = "Where the figures go (default: DIR/plots).")
    Path out;

    @Option(names = "--band", paramLabel = "BAND", defaultValue = "stderr",
            description = "The shaded band: stderr (mean ± standard error over seeds) or minmax (lowest to highest seed); default: ${DEFAULT-VALUE}.")
    Band band;

    @Override
    public Integer call() {
        Path target = out != null ? out : dir.resolve("plots");
        Figures.Written written;
        try {
            written = Figures.write(dir, target, band);
        } catch (PlotException e) {
            throw new CliException(e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s, %s (%s); figures written to %s:%n", plural(written.runs(), "run"), plural(written.tasks().size(), "task"),
                band == Band.MINMAX ? "band: min to max" : "band: ± standard error", target);
        written.tasks().forEach((task, files) -> o.println("  " + names(files)));
        o.println("  " + names(written.grid()) + "  (all tasks)");
        if (!written.skipped().isEmpty()) {
            o.printf("left out %d unfinished run%s:%n", written.skipped().size(), written.skipped().size() == 1 ? "" : "s");
            for (SkippedRun s : written.skipped()) o.println("  " + s.dir() + ": " + s.why());
        }
        o.flush();
        return 0;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String names(List<Path> files) {
        return String.join(" ", files.stream().map(p -> p.getFileName().toString()).toList());
    }
}
