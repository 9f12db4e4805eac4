/**
 * Sweeps on a Slurm cluster through Slurm itself: {@code llmgs sweep --slurm} writes a job array
 * whose task I runs {@code sweep --shard I/N} into the shared output directory (each task one
 * JVM, its runs sharing one engine), plus a merge job that runs after the array and writes the
 * sweep's summary from the finished runs. {@link io.github.llmgs.search.slurm.BatchScript}
 * writes the scripts, {@link io.github.llmgs.search.slurm.Sbatch} and
 * {@link io.github.llmgs.search.slurm.Squeue} talk to Slurm's commands,
 * {@link io.github.llmgs.search.slurm.SweepJobs} records the job ids in the sweep's directory and
 * {@link io.github.llmgs.search.slurm.SweepStatus} reports what the directory and the queue hold.
 * Nothing here schedules work: resuming, redoing and never running one run twice are the run
 * directories' (result.json written last, run.lock), as for a sweep on one machine.
 */
package io.github.llmgs.search.slurm;
