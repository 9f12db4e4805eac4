package io.github.llmgs.engine.profile;

/**
 * Throughput of one backend on one workload, from the median of timed repetitions, and the
 * checksum (sum over programs of the mean return) that shows the numbers are right.
 */
public record ProfileResult(String backend, String device, String task, int programs, int instances, int batch,
                            double medianSeconds, long calls, double checksum) {
    public long episodes() {
        return (long) programs * instances;
    }

    public double programsPerSecond() {
        return programs / medianSeconds;
    }

    public double episodesPerSecond() {
        return episodes() / medianSeconds;
    }

    public double callsPerSecond() {
        return calls / medianSeconds;
    }
}
