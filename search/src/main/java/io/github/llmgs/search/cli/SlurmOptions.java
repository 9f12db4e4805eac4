package io.github.llmgs.search.cli;

import io.github.llmgs.search.slurm.ArrayOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code sweep --slurm} and what goes with it: how many array tasks, what each asks Slurm for,
 * and how to submit. None of these reaches an array task's command line: they shape the
 * submission, not the sweep (whose results they never change).
 */
final class SlurmOptions {
    /** The options an array task is not given. */
    static final Set<String> SUBMISSION_ONLY = Set.of("--slurm", "--shards", "--partition", "--time", "--cpus-per-task",
            "--gpus-per-task", "--sbatch-arg", "--dry-run", "--wait");

    @Option(names = "--slurm",
            description = "Submit the sweep to Slurm as one job array (sbatch --array) instead of running it here: array "
                    + "task I runs the runs of --shard I/N into --out, which must be on a file system that the nodes "
                    + "share; a merge job then writes the summary. Finished runs are not submitted again.")
    boolean submit;

    @Option(names = "--shards", paramLabel = "N",
            description = "With --slurm: the array tasks to split the runs into (default: one per --concurrency runs).")
    Integer shards;

    @Option(names = "--partition", paramLabel = "NAME", description = "With --slurm: the partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT",
            description = "With --slurm: each job's time limit, as sbatch takes it (MINUTES, HH:MM:SS, D-HH:MM:SS). "
                    + "A task stopped by it keeps its finished runs; submitting again completes the others.")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "N",
            description = "With --slurm: CPUs per array task; the cpu backend then runs N threads unless --threads is given.")
    Integer cpusPerTask;

    @Option(names = "--gpus-per-task", paramLabel = "N",
            description = "With --slurm: GPUs per array task, for --backend opencl or auto (default: none).")
    Integer gpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "ARG",
            description = "With --slurm: an sbatch option passed as given to both jobs, e.g. --sbatch-arg=--account=rl "
                    + "--sbatch-arg=--mem=16G (repeatable).")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--dry-run",
            description = "With --slurm: print the job scripts and the sbatch commands instead of submitting (no job, "
                    + "no script written).")
    boolean dryRun;

    @Option(names = "--wait",
            description = "With --slurm: wait until the jobs have left the queue, then print the summary (exit code 0 "
                    + "only when every run finished).")
    boolean await;

    /** Bad or misplaced values, as one-line errors naming the option. */
    void check() {
        if (!submit) {
            String stray = shards != null ? "--shards" : partition != null ? "--partition" : time != null ? "--time"
                    : cpusPerTask != null ? "--cpus-per-task" : gpusPerTask != null ? "--gpus-per-task"
                    : !sbatchArgs.isEmpty() ? "--sbatch-arg" : dryRun ? "--dry-run" : await ? "--wait" : null;
            if (stray != null) throw new CliException(stray + ": only with --slurm (it describes the job array)");
            return;
        }
        if (shards != null && shards < 1) throw new CliException("--shards: must be >= 1, got " + shards);
        if (partition != null && !partition.matches("[A-Za-z0-9_.,-]+")) {
            throw new CliException("--partition: not a partition name: '" + partition + "'");
        }
        if (time != null && !time.matches("[0-9][0-9:-]*|UNLIMITED|INFINITE|unlimited|infinite")) {
            throw new CliException("--time: not a Slurm time limit (MINUTES, HH:MM:SS or D-HH:MM:SS): '" + time + "'");
        }
        if (cpusPerTask != null && cpusPerTask < 1) throw new CliException("--cpus-per-task: must be >= 1, got " + cpusPerTask);
        if (gpusPerTask != null && gpusPerTask < 0) throw new CliException("--gpus-per-task: must be >= 0, got " + gpusPerTask);
        for (String a : sbatchArgs) {
            if (!a.startsWith("-") || a.contains("\n")) {
                throw new CliException("--sbatch-arg: expected one sbatch option such as --account=NAME, got '" + a + "'");
            }
            String name = a.replaceFirst("=.*", "");
            if (Set.of("--array", "-a", "--dependency", "-d", "--parsable").contains(name)) {
                throw new CliException("--sbatch-arg " + a + ": the sweep sets " + name + " itself (the tasks: --shards)");
            }
        }
        if (await && dryRun) throw new CliException("--wait: nothing to wait for with --dry-run");
    }

    /** The shard count: as given, or one array task per {@code concurrency} runs. */
    int shards(int runs, int concurrency) {
        if (shards != null) return shards;
        return Math.max(1, (runs + concurrency - 1) / concurrency);
    }

    ArrayOptions arrayOptions() {
        return new ArrayOptions(partition, time, cpusPerTask, gpusPerTask, sbatchArgs);
    }
}
