package io.github.llmgs.kernels;

import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.clGetEventProfilingInfo;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clWaitForEvents;

import io.github.llmgs.engine.profile.DeviceTimes;
import java.util.ArrayList;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;

/**
 * Sums a context's device time by kind from the queue's profiling events
 * ({@code CL_QUEUE_PROFILING_ENABLE}: end minus start of each command), and the host time its
 * backend reports (compile, pack, unpack, the whole evaluate call). Off by default: then
 * {@link #event()} is null and commands are enqueued without an event, as before.
 */
final class QueueTimer {
    enum Kind { KERNEL, UPLOAD, DOWNLOAD }

    private record Pending(cl_event event, Kind kind) {}

    /** False when the queue could not be made with profiling (then nothing is ever collected). */
    private final boolean available;
    private boolean on;
    private final List<Pending> pending = new ArrayList<>();
    private long launches, workItems, kernel, upload, download, compile, pack, unpack, evaluate;

    QueueTimer(boolean available) {
        this.available = available;
    }

    void enable(boolean enable) {
        settle();
        on = enable && available;
        launches = workItems = kernel = upload = download = compile = pack = unpack = evaluate = 0;
    }

    boolean on() {
        return on;
    }

    /** A fresh event for the next command when collecting, else null. */
    cl_event event() {
        return on ? new cl_event() : null;
    }

    /** An event of a command that may still be running: resolved by the next {@link #settle}. */
    void pending(cl_event e, Kind kind) {
        if (e != null) pending.add(new Pending(e, kind));
    }

    /** An event of a command that has completed (a blocking transfer). */
    void done(cl_event e, Kind kind) {
        if (e != null) add(kind, duration(e));
    }

    void launched(long items) {
        if (on) {
            launches++;
            workItems += items;
        }
    }

    /** Waits for the pending commands' events and adds their times. */
    void settle() {
        if (pending.isEmpty()) return;
        clWaitForEvents(pending.size(), pending.stream().map(Pending::event).toArray(cl_event[]::new));
        for (Pending p : pending) add(p.kind(), duration(p.event()));
        pending.clear();
    }

    long uploadNanos() {
        return upload;
    }

    void host(long compileNs, long packNs, long unpackNs, long evaluateNs) {
        if (on) {
            compile += compileNs;
            pack += packNs;
            unpack += unpackNs;
            evaluate += evaluateNs;
        }
    }

    /** What was summed since the last take (or enable), cleared. */
    DeviceTimes take(int workGroupSize) {
        settle();
        DeviceTimes t = new DeviceTimes(launches, kernel, upload, download, compile, pack, unpack, evaluate,
                launches > 0 ? workGroupSize : 0, workItems);
        launches = workItems = kernel = upload = download = compile = pack = unpack = evaluate = 0;
        return t;
    }

    private void add(Kind kind, long ns) {
        switch (kind) {
            case KERNEL -> kernel += ns;
            case UPLOAD -> upload += ns;
            case DOWNLOAD -> download += ns;
        }
    }

    private static long duration(cl_event e) {
        long[] start = new long[1], end = new long[1];
        clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
        clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
        clReleaseEvent(e);
        return Math.max(0, end[0] - start[0]);
    }
}
