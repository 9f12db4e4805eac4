package io.github.llmgs.engine.batch;

/**
 * How to open a backend: CPU threads (0 = all cores), an OpenCL device (name substring or index;
 * null = first GPU, else first device), and the most (program, instance) pairs per device launch
 * (0 = sized from device memory). Out-of-range values are refused here, with the command-line
 * option they come from named, rather than deep inside a backend.
 */
public record BackendOptions(int threads, String device, int maxPairsPerLaunch) {
    /** More threads than any machine this runs on has cores; a typo like 100000 would only waste memory. */
    public static final int MAX_THREADS = 4096;

    public BackendOptions {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new BackendException("--threads " + threads + " is out of range: use 0 (all cores) or 1.." + MAX_THREADS);
        }
        if (maxPairsPerLaunch < 0) {
            throw new BackendException("pairs per launch must be >= 0 (0 = sized from device memory), got " + maxPairsPerLaunch);
        }
        if (device != null && device.isBlank()) {
            throw new BackendException("--device is empty: give an OpenCL device index (0, 1, ...) or part of its name");
        }
        if (device != null) {
            device = device.strip();
        }
    }

    public static BackendOptions defaults() {
        return new BackendOptions(0, null, 0);
    }

    public int threadsOrCores() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
