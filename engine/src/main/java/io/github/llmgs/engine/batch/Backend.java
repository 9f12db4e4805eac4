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

    @Override
    default void close() {}
}
