package io.github.llmgs.engine.batch;

/**
 * How to open a backend: CPU threads (0 = all cores), an OpenCL device (name substring or index;
 * null = first GPU, else first device), and the most (program, instance) pairs per device launch
 * (0 = sized from device memory).
 */
public record BackendOptions(int threads, String device, int maxPairsPerLaunch) {
    public static BackendOptions defaults() {
        return new BackendOptions(0, null, 0);
    }

    public int threadsOrCores() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
