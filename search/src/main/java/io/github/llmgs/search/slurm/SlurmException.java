package io.github.llmgs.search.slurm;

/**
 * A Slurm command that is missing or refused (sbatch, squeue): printed as one line
 * {@code llmgs: error: MESSAGE}, exit code 2, like any resource that refuses.
 */
public final class SlurmException extends RuntimeException {
    public SlurmException(String message) {
        super(message, null, false, false);
    }
}
