package io.github.llmgs.search.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job scripts and the sweep's Slurm records, without a Slurm. */
class SlurmScriptTest {
    @TempDir
    Path tmp;

    private static SweepSubmission submission(Path out, Integer... tasks) {
        JavaCommand java = new JavaCommand(Path.of("/opt/jdk/bin/java"), List.of("-Xss8m"), List.of(Path.of("/opt/llmgs.jar")), null);
        return new SweepSubmission(out, Path.of("/work"), java, "io.github.llmgs.search.cli.Main",
                List.of("sweep", "--tasks", "DoorKey", "--out", out.toString()),
                new ArrayOptions(null, null, null, 0, List.of()), new SweepPlan(8, List.of()), new TreeSet<>(List.of(tasks)));
    }

    @Test
    void wordsReachTheProgramAsGiven() {
        assertEquals("--tasks DoorKey,Maze --out /a/b", BatchScript.words(List.of("--tasks", "DoorKey,Maze", "--out", "/a/b")));
        assertEquals("'a b' 'it'\\''s' '$HOME' '' '*'", BatchScript.words(List.of("a b", "it's", "$HOME", "", "*")));
        assertThrows(IllegalArgumentException.class, () -> new BatchScript().directive("--output=/a b"));
    }

    @Test
    void theArrayListsOnlyTheTasksWithWorkInRanges() {
        Path out = tmp.resolve("out");
        assertEquals("0-7", submission(out, 0, 1, 2, 3, 4, 5, 6, 7).arrayTasks());
        assertEquals("0,2-3,5,7", submission(out, 0, 2, 3, 5, 7).arrayTasks());
        assertEquals("6", submission(out, 6).arrayTasks());
        String script = submission(out, 1, 2).arrayScript().text();
        assertTrue(script.startsWith("#!/bin/bash\n# llmgs sweep as a Slurm job array"), script);
        assertTrue(script.contains("#SBATCH --array=1-2\n#SBATCH --output=" + out + "/slurm/logs/%A_%a.out\n#SBATCH --chdir=/work\n\n"),
                "no GPU line for --gpus-per-task 0\n" + script);
        assertTrue(script.endsWith("exec /opt/jdk/bin/java -Xss8m -cp /opt/llmgs.jar io.github.llmgs.search.cli.Main sweep "
                + "--tasks DoorKey --out " + out + " --shard \"${SLURM_ARRAY_TASK_ID}/8\"\n"), script);
        assertThrows(IllegalArgumentException.class, () -> submission(out));
    }

    @Test
    void theJvmKeepsItsMemoryAndStackOptionsOnly() {
        assertEquals(List.of("-Xss4m", "-Xmx2g"), JavaCommand.jvmOptions(new String[] {"-Xss4m", "-Xmx2g",
                "-javaagent:/x.jar", "-Dfoo=1", "-jar", "/a.jar", "-Xmx9g"}));
        assertEquals(List.of("-Xss8m", "-XX:MaxRAMPercentage=50"), JavaCommand.jvmOptions(new String[] {"-XX:MaxRAMPercentage=50",
                "-cp", "x", "Main"}));
        assertEquals(List.of("-Xss8m"), JavaCommand.jvmOptions(new String[0]));
        JavaCommand here = JavaCommand.current();
        assertTrue(here.java().isAbsolute() && Files.isExecutable(here.java()), here.toString());
        assertTrue(here.classPath().stream().allMatch(Path::isAbsolute), here.toString());
    }

    @Test
    void theJobsAndThePlanAreReadBackAsWritten() {
        Path dir = tmp.resolve("slurm");
        assertEquals(List.of(), SweepJobs.read(dir));
        assertEquals(Optional.empty(), SweepPlan.read(dir));
        dir.toFile().mkdirs();
        SweepJobs.Job a = new SweepJobs.Job("12", SweepJobs.Job.ARRAY, Instant.parse("2026-12-02T10:00:00Z"), "0,2-3", 4);
        SweepJobs.Job m = new SweepJobs.Job("13", SweepJobs.Job.MERGE, Instant.parse("2026-12-02T10:00:01Z"), "-", 4);
        SweepJobs.append(dir, a);
        SweepJobs.append(dir, m);
        assertEquals(List.of(a, m), SweepJobs.read(dir));
        SweepPlan plan = new SweepPlan(3, List.of(new SweepPlan.Run("DoorKey", "shc", 0), new SweepPlan.Run("Maze", "hc", 7)));
        plan.write(dir);
        assertEquals(Optional.of(plan), SweepPlan.read(dir));
        assertEquals(1, plan.shardOf(4));
        assertEquals("Maze/hc/7", plan.runs().get(1).name());
    }

    @Test
    void aMissingSlurmCommandIsOneLineNamingIt() {
        SlurmException e = assertThrows(SlurmException.class,
                () -> new Sbatch("/nonexistent/sbatch").submit(tmp.resolve("x.sh"), List.of(), "job array"));
        assertEquals("/nonexistent/sbatch not found: this needs Slurm's commands on the PATH (run it on a cluster's login node, "
                + "or install slurm-client)", e.getMessage());
        assertThrows(SlurmException.class, () -> new Squeue("/nonexistent/squeue").entries(List.of("1")));
        assertEquals(List.of(), new Squeue("/nonexistent/squeue").entries(List.of()), "nothing to ask: squeue is not run");
    }

    @Test
    void theWaitSaysWhatTheJobsDo() {
        assertEquals("job 12: 2 running, 1 pending; job 13: 1 pending", QueueWait.describe(List.of(
                new Squeue.Entry("12", "0", "RUNNING", "None"), new Squeue.Entry("12", "1", "RUNNING", "None"),
                new Squeue.Entry("12", "2", "PENDING", "Resources"), new Squeue.Entry("13", null, "PENDING", "Dependency"))));
    }
}
