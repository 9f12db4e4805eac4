package io.github.llmgs.search.cli;

import picocli.CommandLine.Option;

/** {@code --threads} and {@code --device}: where a backend runs, for every command that takes {@code --backend}. */
final class DeviceOptions {
    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "CPU threads for the cpu and reference backends (default: all cores).")
    int threads;

    @Option(names = "--device", paramLabel = "D",
            description = "OpenCL device for the opencl and auto backends: index or part of its name (default: the first GPU, else the first device).")
    String device;
}
