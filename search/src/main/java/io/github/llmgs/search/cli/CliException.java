package io.github.llmgs.search.cli;

/**
 * Bad input from the user (an unknown task, a program that does not parse, a missing file):
 * printed as one line {@code llmgs: error: MESSAGE}, exit code 2.
 */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message, null, false, false);
    }
}
