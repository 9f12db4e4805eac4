package io.github.llmgs.kernels;

import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.CL_TRUE;

import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;
import org.jocl.cl_mem;

/**
 * A device buffer kept across batches: allocated on first use, grown (never shrunk) when a batch
 * needs more, released once by the backend's close.
 */
public final class DeviceBuffer {
    private final String what;
    private final long flags;
    /** Small input buffers grow by doubling; scratch is sized exactly to its launch. */
    private final boolean doubling;
    private final cl_context context;
    private final cl_command_queue queue;
    private final OpenClDevice device;
    private final QueueTimer timer;
    private cl_mem mem;
    private long bytes;

    DeviceBuffer(String what, long flags, boolean doubling, cl_context context, cl_command_queue queue, OpenClDevice device,
                 QueueTimer timer) {
        this.timer = timer;
        this.what = what;
        this.flags = flags;
        this.doubling = doubling;
        this.context = context;
        this.queue = queue;
        this.device = device;
    }

    cl_mem mem() {
        return mem;
    }

    /** Makes the buffer at least that large; true if it was (re)allocated. Zero-fills new ones if asked. */
    public boolean ensure(long need, boolean zero) {
        need = Math.max(need, 16);
        if (mem != null && bytes >= need) {
            return false;
        }
        release();
        long size = need;
        if (doubling && bytes > 0) {
            size = Math.max(need, Math.min(bytes * 2, device.maxAllocSize()));
        }
        try {
            mem = clCreateBuffer(context, flags, size, null, null);
        } catch (CLException e) {
            throw new IllegalStateException("cannot allocate " + size + " bytes for the " + what + " buffer on "
                    + device.describe() + ": " + e.getMessage(), e);
        }
        bytes = size;
        if (zero) {
            fillZero();
        }
        return true;
    }

    public void write(Pointer from, long size) {
        ensure(size, false);
        if (size > 0) {
            cl_event e = timer.event();
            clEnqueueWriteBuffer(queue, mem, CL_TRUE, 0, size, from, 0, null, e);
            timer.done(e, QueueTimer.Kind.UPLOAD);
        }
    }

    /** Reads {@code size} bytes from the start of the buffer, waiting for them. */
    public void read(Pointer to, long size) {
        cl_event e = timer.event();
        clEnqueueReadBuffer(queue, mem, CL_TRUE, 0, size, to, 0, null, e);
        timer.done(e, QueueTimer.Kind.DOWNLOAD);
    }

    void fillZero() {
        zero();
        clFinish(queue);
    }

    /** Enqueues zeroing the whole buffer; commands enqueued after it (the queue is in order) see zeros. */
    void zero() {
        cl_event e = timer.event();
        clEnqueueFillBuffer(queue, mem, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, bytes, 0, null, e);
        timer.pending(e, QueueTimer.Kind.UPLOAD);
    }

    void release() {
        if (mem != null) {
            clReleaseMemObject(mem);
            mem = null;
        }
    }
}
