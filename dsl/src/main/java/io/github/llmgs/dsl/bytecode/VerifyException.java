package io.github.llmgs.dsl.bytecode;

/** Malformed bytecode, stopped before it reaches a backend; the message names the offset. */
public final class VerifyException extends RuntimeException {
    public VerifyException(String message) {
        super(message);
    }
}
