package io.github.llmgs.search.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of Slurm's commands (found on the PATH, as a user would type it) and returns what it
 * printed. A command that is not installed, hangs (a controller that does not answer) or cannot
 * be started is a {@link SlurmException} naming it.
 */
final class SlurmTool {
    /** How long one command may take; Slurm's own client timeout is shorter (MessageTimeout, 10 s by default). */
    private static final long TIMEOUT_SECONDS = 120;

    record Result(int code, String out, String err) {
        /** The first line of stderr without Slurm's "sbatch: error: " prefix, or the exit code. */
        String reason() {
            String line = err.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            line = line.replaceFirst("^[a-z]+: error: ", "").replaceFirst("^[a-z]+: ", "");
            return line.isEmpty() ? "exit code " + code : line;
        }
    }

    private final String program;

    SlurmTool(String program) {
        this.program = program;
    }

    String program() {
        return program;
    }

    Result run(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new SlurmException(program + " not found: this needs Slurm's commands on the PATH "
                    + "(run it on a cluster's login node, or install slurm-client)");
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SlurmException(program + " did not answer within " + TIMEOUT_SECONDS
                        + " s (is slurmctld up? try 'scontrol ping')");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SlurmException(program + " was interrupted");
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        // its own thread: a blocking read must not hold a thread of the common pool
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, r -> {
            Thread t = new Thread(r, "llmgs-slurm-output");
            t.setDaemon(true);
            t.start();
        });
    }
}
