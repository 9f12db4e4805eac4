package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.search.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --slurm} on a real Slurm (under CI the single-node one {@code .ci/slurm-up}
 * starts; elsewhere these tests skip without one): a job array's tasks each run a shard, the merge
 * job writes the summary of the sweep run here, and an array task cancelled mid-run is completed by
 * submitting the sweep again, with the same results.
 */
class SlurmSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous for a few seconds of work: a loaded CI machine, a Slurm that schedules every few seconds. */
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    Path tmp;

    @BeforeEach
    void slurm() {
        SlurmSupport.requireSlurm();
    }

    private static String[] args(String[] base, String... more) {
        List<String> a = new ArrayList<>(List.of(base));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** What a run's result is; its timing and engine calls describe how it was computed. */
    private static String result(Path out, String run) throws IOException {
        JsonNode r = JSON.readTree(out.resolve(run).resolve("result.json").toFile());
        return run + " " + r.get("status") + " " + r.get("spec_digest") + " " + r.get("best_program") + " " + r.get("best_score")
                + " " + r.get("best_found_at") + " " + r.get("programs_evaluated") + "\n"
                + Files.readString(out.resolve(run).resolve("curve.csv"));
    }

    private static void await(String what, BooleanSupplier condition, Path out) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what + "\n"
                        + SlurmSupport.run(List.of("squeue", "--array")).out() + SlurmSupport.logs(out));
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aSweepSubmittedAsAJobArrayMergesToTheSummaryOfTheSameSweepRunHere() throws Exception {
        String[] sweep = {"sweep", "--tasks", "Harvester,FourCorners", "--methods", "shc", "--seeds", "0-3", "--budget", "5000",
                "--backend", "cpu"};
        Path here = tmp.resolve("here"), cluster = tmp.resolve("cluster");
        Cli.run(args(sweep, "--out", here.toString())).assertOk();

        Cli.Result submitted = assertTimeoutPreemptively(WAIT, () -> Cli.run(args(sweep, "--out", cluster.toString(),
                "--slurm", "--shards", "4", "--wait")), () -> SlurmSupport.logs(cluster));
        assertEquals(0, submitted.code(), () -> submitted.show() + SlurmSupport.logs(cluster));
        assertTrue(submitted.out().startsWith("sweep: 8 runs, 8 to do (0 finished, reused): submitted job array "), submitted::show);
        assertTrue(submitted.out().contains(" (tasks 0-3 of 4, run i in task i mod 4) and merge job "), submitted::show);
        assertTrue(submitted.out().contains("sweep: all 8 runs finished; summary in "), submitted::show);

        String expected = RunSafetyTest.withoutWallTime(Files.readString(here.resolve("summary.md")));
        assertEquals(expected, RunSafetyTest.withoutWallTime(Files.readString(cluster.resolve("summary.md"))),
                SlurmSupport.logs(cluster));
        for (String task : List.of("Harvester", "FourCorners")) {
            for (int seed = 0; seed < 4; seed++) {
                String run = task + "/shc/" + seed;
                assertEquals(result(here, run), result(cluster, run));
            }
        }
        String array = SlurmSupport.jobIds(cluster).get(0), merge = SlurmSupport.jobIds(cluster).get(1);
        for (int task = 0; task < 4; task++) {
            String log = Files.readString(cluster.resolve("slurm/logs/" + array + "_" + task + ".out"));
            assertTrue(log.contains("sweep shard " + task + "/4 (2 of the sweep's 8 runs): 2 runs: "), log);
        }
        String mergeLog = Files.readString(cluster.resolve("slurm/logs/" + merge + "-merge.out"));
        assertTrue(mergeLog.contains("summary of 8 of 8 runs written to " + cluster.resolve("summary.md")), mergeLog);

        Cli.Result status = Cli.run("sweep", "--status", cluster.toString());
        status.assertOk();
        assertTrue(status.out().contains("| Harvester | shc | 4 | 4 | 0 | 0 | 0 | 0 |\n| FourCorners | shc | 4 | 4 | 0 | 0 | 0 | 0 |\n"),
                status::show);
        assertTrue(status.out().contains("  " + array + "  job array, tasks 0-3 of 4, submitted "), status::show);
        assertEquals(2, status.out().split("not in the queue \\(ended\\)", -1).length - 1, status::show);
    }

    @Test
    void anArrayTaskCancelledMidRunIsCompletedByResubmittingWithTheSameResults() throws Exception {
        // runs of several seconds each, one CPU per task, so that the cancel falls inside a run
        String[] sweep = {"sweep", "--tasks", "DoorKey", "--methods", "shc", "--seeds", "0-3", "--budget", "40000",
                "--backend", "cpu", "--threads", "1"};
        Path here = tmp.resolve("here"), cluster = tmp.resolve("cluster");
        Cli.run(args(sweep, "--out", here.toString())).assertOk();
        String[] submit = args(sweep, "--out", cluster.toString(), "--slurm", "--shards", "2", "--cpus-per-task", "1");

        Cli.run(submit).assertOk();
        List<String> jobs = SlurmSupport.jobIds(cluster);
        String array = jobs.get(0);
        Cli.run(submit).assertUserError("jobs " + jobs.get(0) + ", " + jobs.get(1) + " of this sweep are still queued or running; "
                + "wait for them (llmgs sweep --status " + cluster + ") or cancel them (scancel " + jobs.get(0) + " " + jobs.get(1) + ")");

        // task 0 runs seeds 0 and 2; cancel it once its first run has found a best and not yet ended
        Path seed0 = cluster.resolve("DoorKey/shc/0");
        await("array task 0 inside its first run", () -> lines(seed0.resolve("events.jsonl")).stream()
                .anyMatch(l -> l.contains("new_best")) && !Files.exists(seed0.resolve("result.json")), cluster);
        SlurmSupport.Run cancel = SlurmSupport.run(List.of("scancel", array + "_0"));
        assertEquals(0, cancel.code(), cancel.out());
        SlurmSupport.awaitJobsGone(cluster, WAIT);

        assertFalse(RunFolder.inspect(seed0).finished(), "the cancel came mid-run: " + RunFolder.inspect(seed0).describe()
                + "\n" + SlurmSupport.logs(cluster));
        for (String run : List.of("DoorKey/shc/1", "DoorKey/shc/3")) {
            assertTrue(RunFolder.inspect(cluster.resolve(run)).finished(), run + "\n" + SlurmSupport.logs(cluster));
        }
        String partial = Files.readString(cluster.resolve("summary.md"));
        assertTrue(partial.startsWith("_Partial: "), "the merge job ran after the array, cancelled or not\n" + partial
                + SlurmSupport.logs(cluster));
        Cli.Result status = Cli.run("sweep", "--status", cluster.toString());
        assertTrue(status.out().contains("  DoorKey/shc/0 (array task 0): "), status::show);

        Cli.Result again = Cli.run(submit);
        again.assertOk();
        assertTrue(again.out().contains(" (tasks 0 of 2, run i in task i mod 2) "), "only the cancelled task again\n" + again.show());
        SlurmSupport.awaitJobsGone(cluster, WAIT);
        assertEquals(RunSafetyTest.withoutWallTime(Files.readString(here.resolve("summary.md"))),
                RunSafetyTest.withoutWallTime(Files.readString(cluster.resolve("summary.md"))), SlurmSupport.logs(cluster));
        for (int seed = 0; seed < 4; seed++) assertEquals(result(here, "DoorKey/shc/" + seed), result(cluster, "DoorKey/shc/" + seed));
        String redo = Files.readString(cluster.resolve("slurm/logs/" + SlurmSupport.jobIds(cluster).get(2) + "_0.out"));
        assertTrue(redo.contains("(redoing: it held "), "the interrupted or killed run is redone\n" + redo);
    }

    @Test
    void aSubmissionSbatchRefusesIsOneLineNamingTheReason() {
        Path out = tmp.resolve("out");
        Cli.run("sweep", "--tasks", "FourCorners", "--methods", "shc", "--seeds", "0", "--budget", "100", "--backend", "cpu",
                "--out", out.toString(), "--slurm", "--partition", "no-such-partition")
                .assertUserError("sbatch refused the job array: invalid partition specified: no-such-partition");
        assertTrue(SlurmSupport.jobIds(out).isEmpty(), "no job recorded");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
