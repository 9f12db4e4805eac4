package io.github.llmgs.search.slurm;

import io.github.llmgs.search.run.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code sweep --status DIR} prints: per task and method, how many runs are done, running
 * (their run.lock is held), failed, stopped (interrupted or killed: the next sweep or submission
 * redoes them) and not started; the runs that are not done, by folder; the Slurm jobs recorded
 * for the sweep and what the queue says of them; and whether the summary is there. It reads
 * only: the run folders, {@code slurm/plan.txt} and {@code slurm/jobs.txt}, and squeue.
 */
public final class SweepStatus {
    /** What a run folder says, as the table counts it. */
    enum Column {
        DONE("done"), RUNNING("running"), FAILED("failed"), STOPPED("stopped"), NOT_STARTED("not started");

        final String title;

        Column(String title) {
            this.title = title;
        }

        static Column of(RunFolder f) {
            return switch (f.state()) {
                case FINISHED -> DONE;
                case IN_USE -> RUNNING;
                case INTERRUPTED, UNFINISHED -> STOPPED;
                case ABSENT -> NOT_STARTED;
                case FAILED, FAILED_START, UNREADABLE, NOT_A_DIRECTORY, UNREACHABLE -> FAILED;
            };
        }
    }

    private record Seen(SweepPlan.Run run, Integer shard, RunFolder folder, Column column) {}

    private final Path dir;
    private final Squeue squeue;

    public SweepStatus(Path dir, Squeue squeue) {
        this.dir = dir;
        this.squeue = squeue;
    }

    /** Prints the status; returns the number of runs not done. */
    public int print(PrintWriter out) {
        Path slurmDir = dir.resolve("slurm");
        Optional<SweepPlan> plan = SweepPlan.read(slurmDir);
        List<Seen> seen = runs(plan);
        long others = seen.stream().filter(s -> s.shard() == null).count();
        out.printf("sweep %s: %d runs%s%n", dir, seen.size(), plan.map(p -> " (planned by llmgs sweep --slurm in "
                + p.shards() + (p.shards() == 1 ? " array task" : " array tasks")
                + (others == 0 ? "" : "; and " + others + " other run folders") + ")").orElse(" (found in the folder)"));
        table(out, seen);
        List<Seen> notDone = seen.stream().filter(s -> s.column() != Column.DONE && s.column() != Column.NOT_STARTED).toList();
        if (!notDone.isEmpty()) {
            out.println();
            out.println("runs not done (a sweep over the folder, or the next --slurm submission, redoes those stopped or failed):");
            for (Seen s : notDone) {
                out.printf("  %s%s: %s%n", s.run().name(), s.shard() == null ? "" : " (array task " + s.shard() + ")",
                        s.folder().describe());
            }
        }
        jobs(out, slurmDir);
        summary(out);
        out.flush();
        return (int) seen.stream().filter(s -> s.column() != Column.DONE).count();
    }

    /** The planned runs in plan order, then any other run folder under the directory, in name order. */
    private List<Seen> runs(Optional<SweepPlan> plan) {
        Map<String, Seen> byName = new LinkedHashMap<>();
        if (plan.isPresent()) {
            List<SweepPlan.Run> runs = plan.get().runs();
            for (int i = 0; i < runs.size(); i++) {
                SweepPlan.Run r = runs.get(i);
                RunFolder f = RunFolder.inspect(r.dir(dir));
                byName.put(r.name(), new Seen(r, plan.get().shardOf(i), f, Column.of(f)));
            }
        }
        for (SweepPlan.Run r : found()) {
            if (byName.containsKey(r.name())) continue;
            RunFolder f = RunFolder.inspect(r.dir(dir));
            if (f.state() == RunFolder.State.ABSENT) continue; // an empty folder, a lock left alone
            byName.put(r.name(), new Seen(r, null, f, Column.of(f)));
        }
        return new ArrayList<>(byName.values());
    }

    /** The run folders {@code <task>/<method>/<seed>} under the directory (seed a number). */
    private List<SweepPlan.Run> found() {
        List<SweepPlan.Run> runs = new ArrayList<>();
        for (Path task : children(dir)) {
            if (task.getFileName().toString().equals("slurm")) continue;
            for (Path method : children(task)) {
                for (Path seed : children(method)) {
                    String s = seed.getFileName().toString();
                    if (s.matches("[0-9]{1,18}")) {
                        runs.add(new SweepPlan.Run(task.getFileName().toString(), method.getFileName().toString(),
                                Long.parseLong(s)));
                    }
                }
            }
        }
        return runs;
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void table(PrintWriter out, List<Seen> seen) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Seen s : seen) {
            counts.computeIfAbsent(s.run().task() + "\t" + s.run().method(), k -> new int[Column.values().length])
                    [s.column().ordinal()]++;
        }
        StringBuilder head = new StringBuilder("| task | method | runs |"), rule = new StringBuilder("|---|---|---:|");
        for (Column c : Column.values()) {
            head.append(' ').append(c.title).append(" |");
            rule.append("---:|");
        }
        out.println(head);
        out.println(rule);
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            String[] key = e.getKey().split("\t");
            int total = 0;
            for (int n : e.getValue()) total += n;
            StringBuilder row = new StringBuilder("| " + key[0] + " | " + key[1] + " | " + total + " |");
            for (int n : e.getValue()) row.append(' ').append(n).append(" |");
            out.println(row);
        }
    }

    private void jobs(PrintWriter out, Path slurmDir) {
        List<SweepJobs.Job> jobs = SweepJobs.read(slurmDir);
        out.println();
        if (jobs.isEmpty()) {
            out.println("jobs: none recorded (" + slurmDir.resolve(SweepJobs.FILE) + " is absent: not submitted with --slurm)");
            return;
        }
        List<Squeue.Entry> queue;
        String unknown = null;
        try {
            queue = squeue.entries(jobs.stream().map(SweepJobs.Job::id).toList());
        } catch (SlurmException e) {
            queue = List.of();
            unknown = e.getMessage();
        }
        out.println("jobs (" + slurmDir.resolve(SweepJobs.FILE) + (unknown == null ? "" : "; their states are unknown: "
                + unknown) + "):");
        for (SweepJobs.Job j : jobs) {
            List<Squeue.Entry> mine = queue.stream().filter(q -> q.jobId().equals(j.id())).toList();
            String what = j.kind().equals(SweepJobs.Job.ARRAY)
                    ? "job array, tasks " + j.tasks() + " of " + j.shards() : "merge job (the summary, after the array)";
            String state = unknown != null ? "" : ": " + (mine.isEmpty() ? "not in the queue (ended)" : states(mine));
            out.printf("  %s  %s, submitted %s%s%n", j.id(), what, j.submitted(), state);
        }
        out.println("  output of array task T of job J: " + slurmDir.resolve("logs") + "/J_T.out; of the merge job: J-merge.out");
    }

    /** "2 running (tasks 0,1), 1 pending (Resources)". */
    private static String states(List<Squeue.Entry> entries) {
        Map<String, List<Squeue.Entry>> byState = new LinkedHashMap<>();
        for (Squeue.Entry e : entries) {
            byState.computeIfAbsent(e.state().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(e);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Squeue.Entry>> e : byState.entrySet()) {
            List<String> taskIds = e.getValue().stream().map(Squeue.Entry::arrayTask).filter(t -> t != null).toList();
            List<String> reasons = e.getValue().stream().map(Squeue.Entry::reason)
                    .filter(r -> !r.isBlank() && !r.equals("None")).distinct().toList();
            StringBuilder sb = new StringBuilder();
            if (!taskIds.isEmpty()) sb.append(e.getValue().size()).append(' ');
            sb.append(e.getKey());
            List<String> detail = new ArrayList<>();
            if (!taskIds.isEmpty()) detail.add((taskIds.size() == 1 ? "task " : "tasks ") + String.join(",", taskIds));
            detail.addAll(reasons);
            if (!detail.isEmpty()) sb.append(" (").append(String.join("; ", detail)).append(')');
            parts.add(sb.toString());
        }
        return String.join(", ", parts);
    }

    private void summary(PrintWriter out) {
        Path md = dir.resolve("summary.md");
        if (!Files.isRegularFile(md)) {
            out.println("summary: none yet (" + md + ")");
            return;
        }
        String first;
        try (Stream<String> lines = Files.lines(md)) {
            first = lines.findFirst().orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            first = "";
        }
        out.println("summary: " + md + (first.startsWith("_Partial") ? " (" + first.replaceAll("^_|_$", "") + ")" : ""));
    }
}
