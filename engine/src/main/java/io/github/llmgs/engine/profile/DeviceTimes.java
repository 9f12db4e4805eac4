package io.github.llmgs.engine.profile;

/**
 * Where an OpenCL backend's calls spent their time, summed since the last
 * {@link ProfiledBackend#takeTimes()}: device time from the queue's profiling events (kernel
 * launches, host-to-device writes and fills, device-to-host reads) and host time measured around
 * the work the host does itself (compiling programs, packing code and instances, unpacking
 * results). {@code evaluateNanos} is the wall time inside the backend's evaluate calls, which
 * holds all of these (device time overlaps host waiting, never host work, on an in-order queue
 * with blocking transfers).
 */
public record DeviceTimes(long launches, long kernelNanos, long uploadNanos, long downloadNanos, long compileNanos,
                          long packNanos, long unpackNanos, long evaluateNanos, int workGroupSize, long workItems) {
    public static final DeviceTimes NONE = new DeviceTimes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public DeviceTimes plus(DeviceTimes o) {
        return new DeviceTimes(launches + o.launches, kernelNanos + o.kernelNanos, uploadNanos + o.uploadNanos,
                downloadNanos + o.downloadNanos, compileNanos + o.compileNanos, packNanos + o.packNanos,
                unpackNanos + o.unpackNanos, evaluateNanos + o.evaluateNanos, Math.max(workGroupSize, o.workGroupSize),
                workItems + o.workItems);
    }

    /** Kernel, upload and download time together: what the device's queue was busy with. */
    public long deviceNanos() {
        return kernelNanos + uploadNanos + downloadNanos;
    }

    /** Compile, pack and unpack: what the host did itself. */
    public long hostNanos() {
        return compileNanos + packNanos + unpackNanos;
    }
}
