package io.github.llmgs.engine.profile;

/**
 * Throughput of one backend on one workload, from the median of timed repetitions, and the
 * checksum (sum over programs of the mean return) that shows the numbers are right; with the
 * episodes' balance figures ({@link EpisodeStats}, of the first pass: every pass runs the same
 * episodes) and where the timed passes' time went ({@link TimeSplit}).
 */
public record ProfileResult(String backend, String device, String task, int programs, int instances, int batch,
                            double medianSeconds, long calls, double checksum, EpisodeStats stats, TimeSplit split,
                            double[] passSeconds) {
    public ProfileResult(String backend, String device, String task, int programs, int instances, int batch,
                         double medianSeconds, long calls, double checksum) {
        this(backend, device, task, programs, instances, batch, medianSeconds, calls, checksum, null, null, null);
    }

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
