package io.github.llmgs.search.slurm;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Waits until jobs have left Slurm's queue, saying what they do when it changes and every so often. */
public final class QueueWait {
    private QueueWait() {}

    /**
     * Polls squeue every {@code pollSeconds} until none of {@code jobIds} is queued or running,
     * printing the jobs' states when they change, or every {@code reportSeconds} at most.
     */
    public static void untilGone(Squeue squeue, List<String> jobIds, PrintWriter out, double pollSeconds, double reportSeconds) {
        String last = null;
        long lastReport = 0;
        while (true) {
            List<Squeue.Entry> entries = squeue.entries(jobIds);
            if (entries.isEmpty()) return;
            String now = describe(entries);
            long t = System.nanoTime();
            if (!now.equals(last) || (t - lastReport) / 1e9 >= reportSeconds) {
                out.println("slurm: " + now);
                out.flush();
                last = now;
                lastReport = t;
            }
            try {
                Thread.sleep((long) (pollSeconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlurmException("stopped waiting; the jobs go on (llmgs sweep --status shows them)");
            }
        }
    }

    /** "job 12: 2 running, 1 pending; job 13: pending". */
    static String describe(List<Squeue.Entry> entries) {
        Map<String, Map<String, Integer>> byJob = new LinkedHashMap<>();
        for (Squeue.Entry e : entries) {
            byJob.computeIfAbsent(e.jobId(), k -> new LinkedHashMap<>())
                    .merge(e.state().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> job : byJob.entrySet()) {
            List<String> states = new ArrayList<>();
            job.getValue().forEach((state, n) -> states.add(n + " " + state));
            parts.add("job " + job.getKey() + ": " + String.join(", ", states));
        }
        return String.join("; ", parts);
    }
}
