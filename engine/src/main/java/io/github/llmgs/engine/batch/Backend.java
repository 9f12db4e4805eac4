package io.github.llmgs.engine.batch;

/**
 * Evaluates P programs x I task instances. Every backend returns the same numbers for the same
 * request, whatever its batch size, thread count or device.
 */
public interface Backend extends AutoCloseable {
    /** {@code reference}, {@code cpu} or {@code opencl}. */
    String name();

    /** What runs the work, e.g. "Java tree-walker, 2 threads" or an OpenCL device name. */
    String device();

    BatchResult evaluate(BatchRequest request);

    /**
     * The most (program, instance) pairs one call should carry when many searches share this
     * backend: enough to keep the device busy, bounded so that a call's host buffers and latency
     * stay small. A larger call is still evaluated (a backend splits it into launches that fit).
     */
    default long pairsPerCall() {
        return DEFAULT_PAIRS_PER_CALL;
    }

    /** 32,768 programs of 32 instances. */
    long DEFAULT_PAIRS_PER_CALL = 1L << 20;

    @Override
    default void close() {}
}
