package io.github.llmgs.engine.profile;

/**
 * Where the timed passes' time went, summed over them ({@code passes} passes, {@code wallSeconds}
 * of wall time together). {@code device} is an OpenCL backend's {@link DeviceTimes} (null for
 * other backends); {@code threadBusySeconds} the CPU time of each thread that worked at least 1%
 * of a pass (the CPU backends' pool threads; the calling thread when no pool thread did), busiest first, null where the JVM has no
 * thread CPU clock.
 */
public record TimeSplit(int passes, double wallSeconds, DeviceTimes device, double[] threadBusySeconds) {
    /** Share of threads x wall time the working threads were not busy (0 with no thread times). */
    public double idleShare() {
        if (threadBusySeconds == null || threadBusySeconds.length == 0 || wallSeconds <= 0) return 0;
        double busy = 0;
        for (double s : threadBusySeconds) busy += s;
        return Math.max(0, 1 - busy / (threadBusySeconds.length * wallSeconds));
    }
}
