package io.github.llmgs.engine.conformance;

/** A vectors directory or file that cannot be read; the message names the file and line. */
public final class VectorFormatException extends RuntimeException {
    public VectorFormatException(String message) {
        super(message);
    }
}
