package io.github.llmgs.search.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvesTest {
    private static final double EPS = 1e-12;
    /** Standard error of three values whose sample standard deviation is 0.1. */
    private static final double SE_01 = 0.1 / Math.sqrt(3);

    @TempDir
    Path tmp;

    private List<RunCurve> runs() {
        return Runs.find(TestRuns.threeSeeds(tmp, "DoorKey", "hc")).finished();
    }

    @Test
    void stepFunctionIsTheLastRowAtOrBelowN() {
        RunCurve seed0 = runs().stream().filter(r -> r.seed().equals("0")).findFirst().orElseThrow();
        assertTrue(Double.isNaN(seed0.valueAt(0.5)), "no score before the first row");
        assertEquals(0.0, seed0.valueAt(1));
        assertEquals(0.0, seed0.valueAt(9.99));
        assertEquals(0.5, seed0.valueAt(10));
        assertEquals(0.5, seed0.valueAt(99));
        assertEquals(1.0, seed0.valueAt(100));
        assertEquals(1.0, seed0.valueAt(1e6), "a finished run holds its final best");
        assertEquals(100, seed0.end());
        assertEquals("solved", seed0.status());
    }

    @Test
    void stepFunctionMatchesEveryCurveCsvRow() {
        for (RunCurve r : runs()) {
            for (int i = 0; i < r.evaluated().length; i++) {
                assertEquals(r.best()[i], r.valueAt(r.evaluated()[i]), r.dir() + " row " + i);
                if (i > 0) assertEquals(r.best()[i - 1], r.valueAt(r.evaluated()[i] - 1), r.dir() + " before row " + i);
            }
        }
    }

    @Test
    void gridStartsWhereEverySeedHasAScoreAndEndsAtTheLongestRun() {
        assertArrayEquals(new double[] {2, 10, 50, 100, 500, 1000}, Curves.grid(runs()));
    }

    @Test
    void meanAndStandardErrorOnTheGrid() {
        Curves.MethodCurve c = Curves.method("hc", runs(), Band.STDERR);
        assertEquals(3, c.seeds());
        // seeds at x:  2 -> 0, .2, .1   10 -> .5, .2, .3   50 -> .5, .4, .3   100 -> 1, .4, .3   500, 1000 -> 1, .4, .6
        double[] mean = {0.1, 1.0 / 3, 0.4, 1.7 / 3, 2.0 / 3, 2.0 / 3};
        double[] se = {SE_01, sd(0.5, 0.2, 0.3) / Math.sqrt(3), SE_01, sd(1, 0.4, 0.3) / Math.sqrt(3), sd(1, 0.4, 0.6) / Math.sqrt(3),
                sd(1, 0.4, 0.6) / Math.sqrt(3)};
        for (int i = 0; i < mean.length; i++) {
            assertEquals(mean[i], c.mean()[i], EPS, "mean at " + c.x()[i]);
            assertEquals(mean[i] - se[i], c.low()[i], EPS, "low at " + c.x()[i]);
            assertEquals(mean[i] + se[i], c.high()[i], EPS, "high at " + c.x()[i]);
        }
    }

    @Test
    void minMaxBand() {
        Curves.MethodCurve c = Curves.method("hc", runs(), Band.MINMAX);
        assertArrayEquals(new double[] {0.0, 0.2, 0.3, 0.3, 0.4, 0.4}, c.low(), EPS);
        assertArrayEquals(new double[] {0.2, 0.5, 0.5, 1.0, 1.0, 1.0}, c.high(), EPS);
        assertEquals(0.4, c.mean()[2], EPS);
    }

    @Test
    void oneSeedHasNoSpread() {
        TestRuns.run(tmp, "Seeder", "shc", 0, "budget", 40, "1,0.25", "30,0.5");
        Curves.MethodCurve c = Curves.task("Seeder", Runs.find(tmp).finished(), Band.STDERR).methods().get(0);
        assertArrayEquals(new double[] {1, 30, 40}, c.x());
        assertArrayEquals(c.mean(), c.low());
        assertArrayEquals(c.mean(), c.high());
    }

    @Test
    void methodsAreSortedPerTask() {
        TestRuns.threeSeeds(tmp, "DoorKey", "shc");
        TestRuns.threeSeeds(tmp, "DoorKey", "hc");
        Curves.TaskCurves t = Curves.task("DoorKey", Runs.find(tmp).finished(), Band.STDERR);
        assertEquals(List.of("hc", "shc"), t.methods().stream().map(Curves.MethodCurve::method).toList());
        assertEquals(3, t.minSeeds());
        assertEquals(3, t.maxSeeds());
    }

    @Test
    void unfinishedRunsAreSkippedAndReported() {
        TestRuns.threeSeeds(tmp, "DoorKey", "hc");
        Path interrupted = TestRuns.run(tmp, "DoorKey", "hc", 3, "interrupted", 20, "1,0.9");
        Path killed = tmp.resolve("DoorKey/hc/4");
        TestRuns.write(killed.resolve("events.jsonl"), "{}\n");
        Runs runs = Runs.find(tmp);
        assertEquals(3, runs.finished().size());
        assertEquals(List.of(interrupted, killed), runs.skipped().stream().map(SkippedRun::dir).toList());
        assertTrue(runs.skipped().get(0).why().startsWith("an interrupted run"), runs.skipped().get(0).why());
        assertTrue(runs.skipped().get(1).why().startsWith("an unfinished run"), runs.skipped().get(1).why());
    }

    @Test
    void badCurveCsvNamesFileAndLine() {
        Path dir = TestRuns.run(tmp, "DoorKey", "hc", 0, "budget", 10, "1,0.0", "5,zero");
        PlotException e = assertThrows(PlotException.class, () -> Runs.find(tmp));
        assertEquals(dir.resolve("curve.csv") + ":3: best_score 'zero' is not a number", e.getMessage());

        TestRuns.run(tmp, "DoorKey", "hc", 0, "budget", 10, "5,0.0", "5,0.1");
        e = assertThrows(PlotException.class, () -> Runs.find(tmp));
        assertEquals(dir.resolve("curve.csv") + ":3: programs_evaluated 5 does not come after 5", e.getMessage());

        TestRuns.write(dir.resolve("curve.csv"), "evaluated,best\n1,0\n");
        e = assertThrows(PlotException.class, () -> Runs.find(tmp));
        assertEquals(dir.resolve("curve.csv") + ":1: expected the header 'programs_evaluated,best_score'", e.getMessage());
    }

    @Test
    void noRuns() {
        PlotException e = assertThrows(PlotException.class, () -> Runs.find(tmp));
        assertEquals("no runs in " + tmp + " (no result.json or curve.csv below it)", e.getMessage());
    }

    private static double sd(double a, double b, double c) {
        double m = (a + b + c) / 3;
        return Math.sqrt(((a - m) * (a - m) + (b - m) * (b - m) + (c - m) * (c - m)) / 2);
    }
}
