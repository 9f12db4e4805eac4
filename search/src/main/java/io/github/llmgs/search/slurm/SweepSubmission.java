package io.github.llmgs.search.slurm;

import io.github.llmgs.search.run.AtomicFiles;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.RunFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * A sweep as Slurm jobs: one job array whose task I runs {@code sweep ... --shard I/N} (the same
 * sweep options, the same runtime and class path as this process, in the same working directory),
 * and a merge job that starts when the whole array has ended, however it ended, and writes the
 * sweep's summary from the finished runs ({@code sweep ... --summary-only}). The scripts, the plan
 * and the job ids go to {@code <out>/slurm/}, each file written whole; the tasks' output goes to
 * {@code <out>/slurm/logs/}.
 */
public final class SweepSubmission {
    public static final String ARRAY_SCRIPT = "sweep-array.sh";
    public static final String MERGE_SCRIPT = "sweep-merge.sh";

    /** The two jobs, as sbatch numbered them. */
    public record Submitted(String arrayJob, String mergeJob) {}

    private final Path out;
    private final Path workDir;
    private final JavaCommand java;
    private final String mainClass;
    private final List<String> sweepArgs;
    private final ArrayOptions options;
    private final SweepPlan plan;
    private final SortedSet<Integer> tasks;

    /**
     * @param out       the sweep's output directory (absolute)
     * @param workDir   where the jobs start, so relative paths in {@code sweepArgs} mean what they meant here
     * @param sweepArgs {@code sweep} and its options as given, without the submission's own
     * @param tasks     the array tasks to submit: the shards that have runs left to do
     */
    public SweepSubmission(Path out, Path workDir, JavaCommand java, String mainClass, List<String> sweepArgs,
                           ArrayOptions options, SweepPlan plan, SortedSet<Integer> tasks) {
        for (Path p : List.of(out, workDir)) {
            if (p.toString().chars().anyMatch(Character::isWhitespace)) {
                throw new SlurmException("Slurm's #SBATCH lines cannot hold a path with white space: '" + p
                        + "'; choose another --out or working directory");
            }
        }
        if (tasks.isEmpty()) throw new IllegalArgumentException("no array task to submit");
        this.out = out;
        this.workDir = workDir;
        this.java = java;
        this.mainClass = mainClass;
        this.sweepArgs = List.copyOf(sweepArgs);
        this.options = options;
        this.plan = plan;
        this.tasks = tasks;
    }

    public Path slurmDir() {
        return out.resolve("slurm");
    }

    public Path logs() {
        return slurmDir().resolve("logs");
    }

    /** The array's task list for {@code --array}: ranges where the tasks are consecutive ({@code 0-3}, {@code 0,2-5}). */
    public String arrayTasks() {
        StringBuilder sb = new StringBuilder();
        Integer start = null, prev = null;
        for (int t : tasks) {
            if (prev != null && t == prev + 1) {
                prev = t;
                continue;
            }
            if (start != null) append(sb, start, prev);
            start = t;
            prev = t;
        }
        append(sb, start, prev);
        return sb.toString();
    }

    private static void append(StringBuilder sb, int from, int to) {
        if (sb.length() > 0) sb.append(',');
        sb.append(from);
        if (to > from) sb.append('-').append(to);
    }

    public int taskCount() {
        return tasks.size();
    }

    public BatchScript arrayScript() {
        int n = plan.shards();
        BatchScript s = new BatchScript()
                .comment("llmgs sweep as a Slurm job array (written by llmgs sweep --slurm).")
                .comment("Array task I runs the sweep's runs i (from 0, in the order tasks x methods x seeds) with\n"
                        + "i mod " + n + " = I, all at once on one engine (up to --concurrency). A run that finished with\n"
                        + "the same settings is reused and an unfinished one redone, so a task that was killed\n"
                        + "(time limit, preemption, scancel) is completed by submitting the sweep again.")
                .directive("--job-name=llmgs-sweep")
                .directive("--array=" + arrayTasks())
                .directive("--output=" + logs().resolve("%A_%a.out"))
                .directive("--chdir=" + workDir);
        for (String d : options.taskDirectives()) s.directive(d);
        preload(s);
        s.command("exec " + BatchScript.words(java.argv(mainClass, sweepArgs)) + " --shard \"${SLURM_ARRAY_TASK_ID}/" + n + "\"");
        return s;
    }

    public BatchScript mergeScript() {
        BatchScript s = new BatchScript()
                .comment("llmgs sweep's merge job (written by llmgs sweep --slurm): submitted to start after the\n"
                        + "job array has ended, it writes the sweep's summary (summary.md, summary.csv) from the\n"
                        + "finished runs, marked partial when some are not.")
                .directive("--job-name=llmgs-merge")
                .directive("--output=" + logs().resolve("%j-merge.out"))
                .directive("--chdir=" + workDir);
        for (String d : options.mergeDirectives()) s.directive(d);
        List<String> args = new ArrayList<>(sweepArgs);
        args.add("--summary-only");
        s.command("exec " + BatchScript.words(java.argv(mainClass, args)));
        return s;
    }

    /** OpenCL drivers built on LLVM replace the JVM's signal handlers; the launcher preloads libjsig, and so does the job. */
    private void preload(BatchScript s) {
        java.libjsig().ifPresent(jsig -> s.command("export LD_PRELOAD=" + BatchScript.quote(jsig.toString())
                + "${LD_PRELOAD:+:$LD_PRELOAD}"));
    }

    /** The sbatch command line for the array (the scripts' paths as they will be written). */
    public List<String> arrayCommand() {
        List<String> c = new ArrayList<>(List.of("sbatch", "--parsable"));
        c.addAll(options.sbatchArgs());
        c.add(slurmDir().resolve(ARRAY_SCRIPT).toString());
        return c;
    }

    public List<String> mergeCommand(String arrayJob) {
        List<String> c = new ArrayList<>(List.of("sbatch", "--parsable", "--dependency=afterany:" + arrayJob));
        c.addAll(options.sbatchArgs());
        c.add(slurmDir().resolve(MERGE_SCRIPT).toString());
        return c;
    }

    /** What --dry-run prints: both scripts and the commands that would submit them; nothing is written. */
    public String dryRun() {
        return "# " + BatchScript.words(arrayCommand()) + "\n" + arrayScript().text()
                + "\n# then, once sbatch has numbered the array:\n# " + BatchScript.words(mergeCommand("<array job id>"))
                + "\n" + mergeScript().text();
    }

    /** Writes the scripts and the plan, submits the array and then the merge job, and records both ids. */
    public Submitted submit(Sbatch sbatch) {
        try {
            Files.createDirectories(logs());
            AtomicFiles.write(slurmDir().resolve(ARRAY_SCRIPT), arrayScript().text());
            AtomicFiles.write(slurmDir().resolve(MERGE_SCRIPT), mergeScript().text());
        } catch (IOException e) {
            throw new RunFolderException("cannot write the job scripts in " + slurmDir() + ": " + RunDirectory.reason(e));
        }
        plan.write(slurmDir());
        List<String> extra = options.sbatchArgs();
        String array = sbatch.submit(slurmDir().resolve(ARRAY_SCRIPT), extra, "job array");
        SweepJobs.append(slurmDir(), new SweepJobs.Job(array, SweepJobs.Job.ARRAY, now(), arrayTasks(), plan.shards()));
        List<String> mergeOptions = new ArrayList<>();
        mergeOptions.add("--dependency=afterany:" + array);
        mergeOptions.addAll(extra);
        String merge;
        try {
            merge = sbatch.submit(slurmDir().resolve(MERGE_SCRIPT), mergeOptions, "merge job");
        } catch (SlurmException e) {
            throw new SlurmException("job array " + array + " is submitted, but " + e.getMessage()
                    + "; once the array has ended, write the summary with the same sweep and --summary-only");
        }
        SweepJobs.append(slurmDir(), new SweepJobs.Job(merge, SweepJobs.Job.MERGE, now(), "-", plan.shards()));
        return new Submitted(array, merge);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
