package io.github.llmgs.engine.batch;

/**
 * A backend that cannot be opened or cannot take the work as asked: an OpenCL device that is
 * not there, no OpenCL driver, bad backend options, a program beyond the engine's limits
 * ({@link CapacityException}). The message is one line naming what was asked and why it failed,
 * fit for {@code llmgs: error: MESSAGE} (exit code 2); a bug inside a backend is never one.
 */
public class BackendException extends RuntimeException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
