package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.dsl.bytecode.Capacity;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.search.BackendChoice;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridBackends;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.Seeds;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Turns command-line values into engine objects, with one-line errors that name the option. */
final class Inputs {
    private Inputs() {}

    /**
     * The MiniGrid backend for {@code --backend NAME} ({@code cpu}, {@code reference},
     * {@code opencl} or {@code auto}) with {@code --threads} and {@code --device}, as
     * {@link #backend} for Karel; auto's note goes to {@code notes}. The caller closes it.
     */
    static MiniGridEpisodes miniGridBackend(String name, int threads, String device, Consumer<String> notes) {
        return MiniGridBackends.open(name, new BackendOptions(threads, device, 0), notes);
    }

    static Task task(String name) {
        try {
            return Tasks.byName(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage()); // "unknown task 'Foo'; known tasks: ..."
        }
    }

    /**
     * Opens {@code --backend NAME} with {@code --threads} and {@code --device}; auto's note on
     * what it picked goes to {@code notes}. Bad values, a missing device or driver are one-line
     * {@link io.github.llmgs.engine.batch.BackendException}s (exit code 2).
     */
    static Backend backend(String name, int threads, String device, Consumer<String> notes) {
        return BackendChoice.open(name, new BackendOptions(threads, device, 0), notes);
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
        return program(source, Domains.KAREL);
    }

    /** A program of {@code vocabulary}'s domain; a word of another domain is {@code --program: 1:12: ...} naming it. */
    static Node.Program program(String source, Vocabulary vocabulary) {
        try {
            return Parser.parse(source, vocabulary);
        } catch (ParseException e) {
            throw new CliException("--program: " + e.getMessage());
        }
    }

    /** A program read from a file; errors read {@code FILE:1:24: ...}. */
    static Node.Program programFile(Path file) {
        return programFile(file, Domains.KAREL);
    }

    static Node.Program programFile(Path file, Vocabulary vocabulary) {
        String source = textFile("--program-file", file);
        try {
            return Parser.parse(source, vocabulary);
        } catch (ParseException e) {
            throw new CliException(file + ":" + e.getMessage());
        }
    }

    /**
     * The program fits the engine ({@link Capacity}), or a one-line error naming where it came
     * from: checked before any backend opens or any episode runs, on every backend alike.
     */
    static void fits(Node.Program program, String where) {
        Capacity.problem(program).ifPresent(problem -> {
            throw new CliException(where + ": " + problem);
        });
    }

    /** A UTF-8 text file (a leading byte-order mark is the parser's to skip); unreadable ones are one line. */
    static String textFile(String option, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException(option + ": no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new CliException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new CliException(option + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }
}
