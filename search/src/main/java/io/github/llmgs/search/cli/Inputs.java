package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.search.BackendChoice;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.search.config.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns command-line values into engine objects, with one-line errors that name the option. */
final class Inputs {
    private Inputs() {}

    static Task task(String name) {
        try {
            return Tasks.byName(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage()); // "unknown task 'Foo'; known tasks: ..."
        }
    }

    static Backend backend(String name) {
        try {
            return BackendChoice.open(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage()); // "unknown backend 'x'; known backends: ..."
        }
    }

    static long[] seeds(String option, String text) {
        try {
            return Seeds.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(option + ": " + e.getMessage());
        }
    }

    static long seed(String option, String text) {
        try {
            return Seeds.parseOne(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(option + ": " + e.getMessage());
        }
    }

    /** The task's instance for a seed (0..2^32-1, handed to the engine as its 32-bit pattern). */
    static TaskInstance instance(Task task, long seed, String option) {
        try {
            return task.generate((int) seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(option + ": seed " + seed + ": " + e.getMessage());
        }
    }

    /** A program given on the command line; errors read {@code --program: 1:24: ...}. */
    static Node.Program program(String source) {
        try {
            return Parser.parse(source);
        } catch (ParseException e) {
            throw new CliException("--program: " + e.getMessage());
        }
    }

    /** A program read from a file; errors read {@code FILE:1:24: ...}. */
    static Node.Program programFile(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException("--program-file: no such file: " + file);
        } catch (IOException e) {
            throw new CliException("--program-file: cannot read " + file + " (" + e.getMessage() + ")");
        }
        try {
            return Parser.parse(source);
        } catch (ParseException e) {
            throw new CliException(file + ":" + e.getMessage());
        }
    }
}
