package io.github.llmgs.search.slurm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Slurm's {@code squeue}: which of a sweep's jobs are still queued or running, one entry per
 * array task. Without accounting (sacct) the queue is all Slurm says about a job; a job that left
 * it ended one way or another, and the run folders say how.
 */
public final class Squeue {
    /** A job (or one array task: {@code arrayTask} non-null) in the queue, with Slurm's state and reason. */
    public record Entry(String jobId, String arrayTask, String state, String reason) {}

    private final SlurmTool tool;

    public Squeue() {
        this("squeue");
    }

    Squeue(String program) {
        tool = new SlurmTool(program);
    }

    /** The entries of these jobs still in the queue (none when all have left it). */
    public List<Entry> entries(Collection<String> jobIds) {
        List<Entry> entries = new ArrayList<>();
        if (jobIds.isEmpty()) return entries;
        SlurmTool.Result r = tool.run(List.of("--noheader", "--array", "--jobs=" + String.join(",", jobIds),
                "--format=%i|%T|%r"));
        if (r.code() != 0) {
            // asked only about jobs that Slurm has already forgotten
            if (r.err().contains("Invalid job id")) return entries;
            throw new SlurmException("squeue failed: " + r.reason());
        }
        for (String line : r.out().lines().toList()) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length < 3 || f[0].isEmpty()) continue;
            int underscore = f[0].indexOf('_');
            String job = underscore < 0 ? f[0] : f[0].substring(0, underscore);
            String task = underscore < 0 ? null : f[0].substring(underscore + 1);
            entries.add(new Entry(job, task, f[1], f[2]));
        }
        return entries;
    }
}
