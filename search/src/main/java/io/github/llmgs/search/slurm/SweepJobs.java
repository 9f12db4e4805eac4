package io.github.llmgs.search.slurm;

import io.github.llmgs.search.run.AtomicFiles;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.RunFolderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <out>/slurm/jobs.txt}: every job submitted for a sweep, one tab-separated line each (job
 * id, kind, submission time, the array tasks, the shard count), for {@code sweep --status} and
 * for a resubmission, which refuses while one of them is still in the queue. Rewritten whole on
 * each submission, so a reader never sees half a line.
 */
public final class SweepJobs {
    public static final String FILE = "jobs.txt";
    private static final String HEADER = "# llmgs sweep --slurm: job id, kind (array: the runs; merge: the summary), "
            + "submitted, array tasks, shards";

    /** One submitted job; {@code tasks} is the array's task list ({@code 0-3}, {@code 1,3}) or "-" for the merge job. */
    public record Job(String id, String kind, Instant submitted, String tasks, int shards) {
        public static final String ARRAY = "array";
        public static final String MERGE = "merge";

        String line() {
            return String.join("\t", id, kind, submitted.toString(), tasks, Integer.toString(shards));
        }
    }

    private SweepJobs() {}

    /** The jobs recorded in {@code slurmDir}, oldest first; none when nothing was submitted. */
    public static List<Job> read(Path slurmDir) {
        Path file = slurmDir.resolve(FILE);
        List<Job> jobs = new ArrayList<>();
        if (!Files.isRegularFile(file)) return jobs;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFolderException("cannot read " + file + ": " + RunDirectory.reason(e));
        }
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            try {
                jobs.add(new Job(f[0], f[1], Instant.parse(f[2]), f[3], Integer.parseInt(f[4])));
            } catch (RuntimeException e) {
                throw new RunFolderException(file + ":" + n + ": not a job line (job id, kind, submitted, array tasks, shards)");
            }
        }
        return jobs;
    }

    /** Adds {@code job} to the record in {@code slurmDir}. */
    public static void append(Path slurmDir, Job job) {
        List<Job> jobs = read(slurmDir);
        jobs.add(job);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Job j : jobs) sb.append(j.line()).append('\n');
        Path file = slurmDir.resolve(FILE);
        try {
            AtomicFiles.write(file, sb.toString());
        } catch (IOException e) {
            throw new RunFolderException("cannot write " + file + ": " + RunDirectory.reason(e));
        }
    }
}
