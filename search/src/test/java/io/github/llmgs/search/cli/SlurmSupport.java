package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.llmgs.search.slurm.Squeue;
import io.github.llmgs.search.slurm.SweepJobs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Slurm for the {@code sweep --slurm} tests (the single-node one {@code .ci/slurm-up}
 * starts), or why there is none: outside CI a missing Slurm skips the test with the reason; under
 * CI ({@code CI=true}, or {@code LLMGS_REQUIRE_SLURM=1} as {@code .ci/run} sets) it fails, so the
 * Slurm tests never skip silently where Slurm is supposed to run.
 */
final class SlurmSupport {
    private SlurmSupport() {}

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("LLMGS_REQUIRE_SLURM"));
    }

    static void requireSlurm() {
        String missing = missing();
        String reason = "no Slurm for the sweep --slurm tests: " + missing;
        if (missing != null && required()) {
            fail(reason + " (under CI they must run: .ci/run installs Slurm and starts it with .ci/slurm-up)");
        }
        Assumptions.assumeTrue(missing == null, reason);
    }

    /** Why no Slurm can take jobs here, or null. */
    private static String missing() {
        for (String cmd : List.of("sbatch", "squeue", "scancel")) {
            if (!onPath(cmd)) return cmd + " is not on the PATH";
        }
        Run r = run(List.of("squeue", "--noheader"));
        if (r.code != 0) return "squeue does not answer: " + r.out.strip().lines().findFirst().orElse("exit code " + r.code);
        return null;
    }

    private static boolean onPath(String cmd) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, cmd))) return true;
        }
        return false;
    }

    record Run(int code, String out) {}

    /** Runs a Slurm command (stdout and stderr together), at most 30 s. */
    static Run run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, String.join(" ", command) + ": no answer within 30 s");
            }
            return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(-1, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }

    /** The ids of the sweep's jobs, as {@code slurm/jobs.txt} records them. */
    static List<String> jobIds(Path out) {
        return SweepJobs.read(out.resolve("slurm")).stream().map(SweepJobs.Job::id).toList();
    }

    /** Waits (bounded) until none of the sweep's jobs is in the queue; a timeout fails with the queue and the jobs' output. */
    static void awaitJobsGone(Path out, Duration timeout) throws InterruptedException {
        List<String> ids = jobIds(out);
        long deadline = System.nanoTime() + timeout.toNanos();
        Squeue squeue = new Squeue();
        while (!squeue.entries(ids).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("jobs " + ids + " still in the queue after " + timeout.toSeconds() + " s:\n"
                        + run(List.of("squeue", "--array")).out() + logs(out));
            }
            Thread.sleep(250);
        }
    }

    /** Every job output file of the sweep, for failure messages. */
    static String logs(Path out) {
        Path dir = out.resolve("slurm").resolve("logs");
        if (!Files.isDirectory(dir)) return "(no job output in " + dir + ")\n";
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) sb.append("--- ").append(f).append('\n').append(Files.readString(f));
        } catch (IOException e) {
            sb.append("(cannot read ").append(dir).append(": ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }
}
