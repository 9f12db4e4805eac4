package io.github.llmgs.search.run;

/**
 * A run directory that cannot be used as asked: it holds results the command would replace, it
 * is a file, another run owns it, or it cannot be created or written. One line naming the
 * directory and what to do, fit for {@code llmgs: error: MESSAGE} (exit code 2).
 */
public final class RunFolderException extends RuntimeException {
    public RunFolderException(String message) {
        super(message, null, false, false);
    }
}
