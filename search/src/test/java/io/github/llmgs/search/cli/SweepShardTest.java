package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a sweep without Slurm: {@code --shard I/N} runs its runs i mod N = I and writes no
 * summary, {@code --summary-only} merges, {@code --status} counts, {@code --slurm --dry-run}
 * prints the job scripts, and every misplaced option is one line.
 */
class SweepShardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String[] sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--tasks", "MazeSparse,Harvester", "--methods", "shc,random",
                "--seeds", "0-1", "--budget", "300", "--backend", "cpu", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The plan's order: tasks x methods x seeds. */
    private static final List<String> RUNS = List.of("MazeSparse/shc/0", "MazeSparse/shc/1", "MazeSparse/random/0",
            "MazeSparse/random/1", "Harvester/shc/0", "Harvester/shc/1", "Harvester/random/0", "Harvester/random/1");

    private static String result(Path out, String run) throws Exception {
        JsonNode r = JSON.readTree(out.resolve(run).resolve("result.json").toFile());
        return run + " " + r.get("status") + " " + r.get("spec_digest") + " " + r.get("best_program") + " "
                + r.get("best_score") + " " + r.get("best_found_at") + " " + r.get("programs_evaluated");
    }

    @Test
    void threeShardsMergedAreTheSweepMadeWhole() throws Exception {
        Path whole = tmp.resolve("whole"), parts = tmp.resolve("parts");
        Cli.run(sweep(whole)).assertOk();

        Cli.Result first = Cli.run(sweep(parts, "--shard", "0/3"));
        first.assertOk();
        assertTrue(first.out().contains("sweep shard 0/3 (3 of the sweep's 8 runs): 3 runs: "), first::show);
        assertTrue(first.out().contains("[4/8] MazeSparse random seed 1"), "runs keep their numbers in the sweep\n" + first.show());
        for (int i = 0; i < RUNS.size(); i++) {
            assertEquals(i % 3 == 0, Files.exists(parts.resolve(RUNS.get(i)).resolve("result.json")), RUNS.get(i));
        }
        assertFalse(Files.exists(parts.resolve("summary.md")), "a shard writes no summary of the sweep");

        Cli.Result partial = Cli.run(sweep(parts, "--summary-only"));
        assertEquals(2, partial.code(), partial::show);
        assertTrue(partial.out().contains("sweep: 8 runs: 3 finished, 5 not; summary only (nothing is run)"), partial::show);
        assertEquals("llmgs: error: 5 of 8 runs are not finished (" + parts.resolve(RUNS.get(1))
                + ": not run yet); run the sweep again to complete them (with --slurm: submit it again)", partial.err().strip());
        assertTrue(Files.readString(parts.resolve("summary.md")).startsWith("_Partial: 3 of 8 runs (5 not finished; "));
        assertFalse(Files.exists(parts.resolve(RUNS.get(1))), "--summary-only runs nothing");

        Cli.run(sweep(parts, "--shard", "1/3")).assertOk();
        Cli.run(sweep(parts, "--shard", "2/3")).assertOk();
        Cli.Result again = Cli.run(sweep(parts, "--shard", "2/3"));
        again.assertOk();
        assertTrue(again.out().contains("2 runs: 2 finished with the same settings (reused), 0 to redo, 0 new"), again::show);

        Cli.Result merged = Cli.run(sweep(parts, "--summary-only"));
        merged.assertOk();
        assertEquals(RunSafetyTest.withoutWallTime(Files.readString(whole.resolve("summary.md"))),
                RunSafetyTest.withoutWallTime(Files.readString(parts.resolve("summary.md"))));
        for (String run : RUNS) assertEquals(result(whole, run), result(parts, run));
        assertFalse(Files.readString(parts.resolve("summary.md")).contains("Engine ("), "a merge ran no engine");
    }

    @Test
    void aKilledRunInAShardIsRedoneAndStatusCountsIt() throws Exception {
        Path out = tmp.resolve("out");
        Cli.run(sweep(out, "--shard", "0/2")).assertOk();
        // a task killed mid-run (kill -9, a node lost) leaves events.jsonl and no result.json
        Path killed = Files.createDirectories(out.resolve(RUNS.get(1)));
        Files.writeString(killed.resolve("events.jsonl"), "{\"type\":\"start\"}\n{\"type\":\"new_be");
        Path failed = Files.createDirectories(out.resolve(RUNS.get(3)));
        Files.writeString(failed.resolve("result.json"), "{\"status\": \"failed: the endpoint refused\", \"programs_evaluated\": 0}");

        Cli.Result status = Cli.run("sweep", "--status", out.toString());
        status.assertOk();
        assertTrue(status.out().startsWith("sweep " + out + ": 6 runs (found in the folder)\n"
                + "| task | method | runs | done | running | failed | stopped | not started |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n"
                + "| Harvester | random | 1 | 1 | 0 | 0 | 0 | 0 |\n"
                + "| Harvester | shc | 1 | 1 | 0 | 0 | 0 | 0 |\n"
                + "| MazeSparse | random | 2 | 1 | 0 | 1 | 0 | 0 |\n"
                + "| MazeSparse | shc | 2 | 1 | 0 | 0 | 1 | 0 |\n"), status::show);
        assertTrue(status.out().contains("  MazeSparse/shc/1: an unfinished run (no result.json: it was killed or crashed)\n"),
                status::show);
        assertTrue(status.out().contains("jobs: none recorded"), status::show);
        assertTrue(status.out().contains("summary: none yet"), status::show);

        Cli.Result redo = Cli.run(sweep(out, "--shard", "1/2"));
        redo.assertOk();
        assertTrue(redo.out().contains("4 runs: 0 finished with the same settings (reused), 2 to redo, 2 new"), redo::show);
        Cli.run(sweep(out, "--summary-only")).assertOk();
        Cli.Result whole = Cli.run(sweep(tmp.resolve("whole")));
        whole.assertOk();
        for (String run : RUNS) assertEquals(result(tmp.resolve("whole"), run), result(out, run));
        Cli.Result done = Cli.run("sweep", "--status", out.toString());
        assertTrue(done.out().contains("| MazeSparse | shc | 2 | 2 | 0 | 0 | 0 | 0 |"), done::show);
        assertTrue(done.out().contains("summary: " + out.resolve("summary.md") + "\n"), done::show);
    }

    @Test
    void aDryRunPrintsTheArrayOfTheShardsWithWorkLeftAndSubmitsNothing() throws Exception {
        Path out = tmp.resolve("out");
        Cli.run(sweep(out, "--shard", "1/4")).assertOk();
        Cli.Result dry = Cli.run(sweep(out, "--slurm", "--shards", "4", "--dry-run", "--partition", "gpu", "--time", "2:00:00",
                "--cpus-per-task", "8", "--gpus-per-task", "1", "--sbatch-arg=--account=rl", "--concurrency", "64"));
        dry.assertOk();
        String o = dry.out();
        assertTrue(o.startsWith("sweep: 8 runs, 6 to do, in 3 of 4 array tasks (dry run: no job is submitted, no file written)\n"
                + "# sbatch --parsable --account=rl " + out.toAbsolutePath().resolve("slurm/sweep-array.sh") + "\n#!/bin/bash\n"), dry::show);
        assertTrue(o.contains("\n#SBATCH --array=0,2-3\n"), "shard 1 is finished: not submitted again\n" + o);
        assertTrue(o.contains("\n#SBATCH --output=" + out.toAbsolutePath().resolve("slurm/logs/%A_%a.out") + "\n"), o);
        assertTrue(o.contains("\n#SBATCH --chdir=" + Path.of("").toAbsolutePath() + "\n"), o);
        for (String d : List.of("--partition=gpu", "--time=2:00:00", "--cpus-per-task=8", "--gpus-per-task=1")) {
            assertTrue(o.contains("\n#SBATCH " + d + "\n"), d + "\n" + o);
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        String line = o.lines().filter(l -> l.startsWith("exec ") && l.contains("--shard")).findFirst().orElseThrow();
        assertTrue(line.startsWith("exec " + java + " -Xss"), "this process's runtime, not ./llmgs\n" + line);
        assertTrue(line.contains(" -cp ") && line.contains(" io.github.llmgs.search.cli.Main sweep --tasks MazeSparse,Harvester "
                + "--methods shc,random --seeds 0-1 --budget 300 --backend cpu --out " + out + " --concurrency 64 --threads 8"
                + " --shard \"${SLURM_ARRAY_TASK_ID}/4\""), line);
        assertFalse(line.contains("--slurm") || line.contains("--partition") || line.contains("--dry-run"), line);
        assertTrue(o.contains("# sbatch --parsable '--dependency=afterany:<array job id>' --account=rl "), o);
        String merge = o.lines().filter(l -> l.startsWith("exec ") && l.endsWith("--summary-only")).findFirst().orElseThrow();
        assertTrue(merge.contains(" sweep --tasks MazeSparse,Harvester "), merge);
        assertTrue(o.contains("#SBATCH --job-name=llmgs-merge\n") && o.contains("--cpus-per-task=1\n"), o);
        assertFalse(Files.exists(out.resolve("slurm")), "a dry run writes nothing");
    }

    @Test
    void aSweepWhoseRunsAreAllFinishedSubmitsNothing() throws Exception {
        Path out = tmp.resolve("out");
        Cli.run(sweep(out)).assertOk();
        Files.delete(out.resolve("summary.md"));
        Cli.Result r = Cli.run(sweep(out, "--slurm"));
        r.assertOk();
        assertTrue(r.out().startsWith("sweep: all 8 runs finished with the same settings; nothing to submit\n"), r::show);
        assertTrue(Files.exists(out.resolve("summary.md")));
        assertFalse(Files.exists(out.resolve("slurm")));
    }

    @Test
    void misplacedOrBadOptionsAreOneLine() {
        Path out = tmp.resolve("out");
        Cli.run("sweep", "--methods", "shc").assertUserError(
                "--tasks: missing (the tasks to sweep; or --status DIR to see a sweep's state)");
        Cli.run(sweep(out, "--shard", "4/4")).assertUserError("--shard: I must be 0..3 for N = 4, got '4/4'");
        Cli.run(sweep(out, "--shard", "1")).assertUserError("--shard: expected I/N (shard I of N, from 0), got '1'");
        Cli.run(sweep(out, "--shard", "a/b")).assertUserError(
                "--shard: expected I/N with whole numbers (shard I of N, from 0), got 'a/b'");
        Cli.run(sweep(out, "--shard", "0/0")).assertUserError("--shard: N must be >= 1, got '0/0'");
        Cli.run(sweep(out, "--shard", "0/2", "--summary-only")).assertUserError(
                "--summary-only: summarises the whole sweep; leave --shard out");
        Cli.run(sweep(out, "--slurm", "--shard", "0/2")).assertUserError(
                "--shard: with --slurm each array task runs its own shard; leave --shard out");
        Cli.run(sweep(out, "--slurm", "--summary-only")).assertUserError("--summary-only: not with --slurm (its merge job does that)");
        for (String[] o : List.of(new String[] {"--partition", "gpu"}, new String[] {"--time", "10"},
                new String[] {"--shards", "2"}, new String[] {"--cpus-per-task", "2"}, new String[] {"--gpus-per-task", "1"},
                new String[] {"--sbatch-arg=--mem=1G"}, new String[] {"--dry-run"}, new String[] {"--wait"})) {
            String name = o[0].replaceFirst("=.*", "");
            Cli.run(sweep(out, o)).assertUserError(name + ": only with --slurm (it describes the job array)");
        }
        Cli.run(sweep(out, "--slurm", "--shards", "0")).assertUserError("--shards: must be >= 1, got 0");
        Cli.run(sweep(out, "--slurm", "--partition", "a b")).assertUserError("--partition: not a partition name: 'a b'");
        Cli.run(sweep(out, "--slurm", "--time", "1 hour")).assertUserError(
                "--time: not a Slurm time limit (MINUTES, HH:MM:SS or D-HH:MM:SS): '1 hour'");
        Cli.run(sweep(out, "--slurm", "--cpus-per-task", "0")).assertUserError("--cpus-per-task: must be >= 1, got 0");
        Cli.run(sweep(out, "--slurm", "--gpus-per-task", "-1")).assertUserError("--gpus-per-task: must be >= 0, got -1");
        Cli.run(sweep(out, "--slurm", "--sbatch-arg", "mem")).assertUserError(
                "--sbatch-arg: expected one sbatch option such as --account=NAME, got 'mem'");
        Cli.run(sweep(out, "--slurm", "--sbatch-arg=--array=0-3")).assertUserError(
                "--sbatch-arg --array=0-3: the sweep sets --array itself (the tasks: --shards)");
        Cli.run(sweep(out, "--slurm", "--dry-run", "--wait")).assertUserError("--wait: nothing to wait for with --dry-run");
        Cli.run("sweep", "--status", out.toString(), "--tasks", "DoorKey").assertUserError(
                "--status: shows what a sweep's directory holds; give it alone: llmgs sweep --status DIR");
        Cli.run("sweep", "--status", tmp.resolve("nope").toString()).assertUserError(
                "--status " + tmp.resolve("nope") + ": no such directory");
        Cli.run(sweep(tmp.resolve("a b"), "--slurm", "--dry-run")).assertUserError("Slurm's #SBATCH lines cannot hold a path "
                + "with white space: '" + tmp.resolve("a b").toAbsolutePath() + "'; choose another --out or working directory");
    }
}
