package io.github.llmgs.llm;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file operation failed, in words, for one-line messages (the JDK's message is often just a path). */
final class IoReasons {
    private IoReasons() {}

    /** The reason, naming the file involved when it is not {@code subject} itself. */
    static String of(IOException e, Path subject) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "a file that is not a directory is in the way";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason().toLowerCase(java.util.Locale.ROOT);
        } else {
            String m = e.getMessage();
            reason = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.replaceAll("\\s+", " "));
        }
        if (e instanceof FileSystemException fse && fse.getFile() != null
                && !Path.of(fse.getFile()).equals(subject)) {
            reason += " (" + fse.getFile() + ")";
        }
        return reason;
    }
}
