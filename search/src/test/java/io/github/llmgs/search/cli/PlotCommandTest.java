package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.search.plot.Band;
import io.github.llmgs.search.plot.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path tmp;

    @Test
    void plotsEveryTaskIntoDirPlotsByDefault() throws IOException {
        TestRuns.threeSeeds(tmp, "DoorKey", "hc");
        TestRuns.threeSeeds(tmp, "DoorKey", "shc");
        TestRuns.threeSeeds(tmp, "Harvester", "hc");
        Cli.Result r = Cli.run("plot", tmp.toString()).assertOk();
        Path plots = tmp.resolve("plots");
        assertEquals("9 runs, 2 tasks (band: ± standard error); figures written to " + plots + ":\n"
                + "  DoorKey.png DoorKey.svg\n"
                + "  Harvester.png Harvester.svg\n"
                + "  grid.png grid.svg  (all tasks)\n", r.out(), r::show);
        for (String f : new String[] {"DoorKey.png", "DoorKey.svg", "Harvester.png", "Harvester.svg", "grid.png", "grid.svg"}) {
            assertTrue(Files.size(plots.resolve(f)) > 1000, f);
        }
        // a second run finds the figures folder but no runs in it, and replaces the figures
        Cli.run("plot", tmp.toString()).assertOk();
    }

    @Test
    void minMaxBandAndOut() throws IOException {
        TestRuns.threeSeeds(tmp.resolve("runs"), "DoorKey", "hc");
        Path out = tmp.resolve("figs/new");
        Cli.run("plot", tmp.resolve("runs").toString(), "--band", "minmax", "--out", out.toString()).assertOk();
        assertTrue(Files.readString(out.resolve("DoorKey.svg")).contains(Band.MINMAX.label()));
        assertTrue(Files.readString(out.resolve("grid.svg")).contains("DoorKey: 3 seeds"));
    }

    @Test
    void unfinishedRunsAreListedOnStdout() {
        TestRuns.threeSeeds(tmp, "DoorKey", "hc");
        Path interrupted = TestRuns.run(tmp, "DoorKey", "hc", 3, "interrupted", 20, "1,0.9");
        Cli.Result r = Cli.run("plot", tmp.toString()).assertOk();
        assertTrue(r.out().startsWith("3 runs, 1 task (band"), r::show);
        assertTrue(r.out().contains("left out 1 unfinished run:\n  " + interrupted + ": an interrupted run ("), r::show);
    }

    @Test
    void oneLineErrors() throws IOException {
        Cli.run("plot", tmp.resolve("nope").toString()).assertUserError(tmp.resolve("nope") + ": no such directory");
        Cli.run("plot", tmp.toString()).assertUserError("no runs in " + tmp + " (no result.json or curve.csv below it)");

        Path only = TestRuns.run(tmp.resolve("a"), "DoorKey", "hc", 0, "interrupted", 20, "1,0.9");
        Cli.run("plot", tmp.resolve("a").toString())
                .assertUserErrorStartsWith("no finished runs in " + tmp.resolve("a") + " (1 unfinished, e.g. " + only + ": an interrupted run");

        Path bad = TestRuns.run(tmp.resolve("b"), "DoorKey", "hc", 0, "budget", 20, "1,0.0", "4,0.5,extra");
        Cli.run("plot", tmp.resolve("b").toString())
                .assertUserError(bad.resolve("curve.csv") + ":3: expected 2 fields (programs_evaluated,best_score), found 3");

        TestRuns.threeSeeds(tmp.resolve("d/sweep1"), "DoorKey", "hc");
        TestRuns.threeSeeds(tmp.resolve("d/sweep2"), "DoorKey", "hc");
        Cli.run("plot", tmp.resolve("d").toString()).assertUserError(tmp.resolve("d/sweep1/DoorKey/hc/0") + " and "
                + tmp.resolve("d/sweep2/DoorKey/hc/0") + " are both DoorKey hc seed 0; plot one sweep at a time (pass a folder that holds one of them)");

        TestRuns.threeSeeds(tmp.resolve("c"), "DoorKey", "hc");
        Cli.run("plot", tmp.resolve("c").toString(), "--band", "iqr").assertUserErrorStartsWith("Invalid value for option '--band'");
        Files.writeString(tmp.resolve("file"), "x");
        Cli.run("plot", tmp.resolve("c").toString(), "--out", tmp.resolve("file/plots").toString())
                .assertUserErrorStartsWith("cannot create " + tmp.resolve("file/plots") + ": ");
    }

    @Test
    void listedInTheUsage() {
        Cli.Result r = Cli.run("--help");
        assertTrue(r.out().contains("plot"), r::show);
        assertTrue(Cli.run("plot", "--help").out().contains("--band"));
    }
}
