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
import io.github.llmgs.engine.minigrid.MiniGridReference;
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
     * A task of either domain with the vocabulary its programs are written in: the one place a
     * task name picks its domain (eval and show use it; exactly one of the tasks is set).
     */
    record DomainTask(Vocabulary vocabulary, Task karel, MiniGridTask miniGrid) {
        boolean isMiniGrid() {
            return miniGrid != null;
        }

        String name() {
            return isMiniGrid() ? miniGrid.name() : karel.name();
        }

        /** The domain's run settings as shipped in the jar ({@code configs/<domain>.json}). */
        RunSettings defaultSettings() {
            return RunSettings.loadDefault(vocabulary.domain());
        }

        /** Settings from {@code --config}, refused in one line when they are another domain's. */
        RunSettings settings(Path config) {
            if (config == null) return defaultSettings();
            RunSettings settings = RunSettings.load(config);
            if (!settings.domain().equals(vocabulary.domain())) {
                throw new CliException("--config " + config + ": run settings of domain " + settings.domain() + ", but task "
                        + name() + " is a " + vocabulary.domain() + " task (see configs/" + vocabulary.domain() + ".json)");
            }
            return settings;
        }
    }

    /** A task by name in either domain, case-insensitive as Karel's lookup is; an unknown name lists both domains' tasks. */
    static DomainTask domainTask(String name) {
        String wanted = name.strip();
        for (MiniGridTask t : MiniGridTasks.ALL) {
            if (t.name().equalsIgnoreCase(wanted)) return new DomainTask(Domains.MINIGRID, null, t);
        }
        try {
            return new DomainTask(Domains.KAREL, Tasks.byName(name), null);
        } catch (IllegalArgumentException e) {
            // "unknown task 'Foo'; known tasks: StairClimber, ..." plus the MiniGrid names
            throw new CliException(e.getMessage() + ", "
                    + String.join(", ", MiniGridTasks.ALL.stream().map(MiniGridTask::name).toList()));
        }
    }

    /**
     * The MiniGrid episode backend for {@code --backend NAME}: only the oracle runs MiniGrid so far,
     * so {@code cpu}, {@code opencl} and {@code auto} are refused in one line rather than quietly
     * replaced; {@code --threads} and {@code --device} are checked as for Karel's reference backend.
     */
    static MiniGridEpisodes miniGridBackend(String name, int threads, String device) {
        BackendOptions options = new BackendOptions(threads, device, 0);
        if (name == null || !name.strip().equalsIgnoreCase("reference")) {
            if (name != null && BackendChoice.names().stream().anyMatch(n -> n.equalsIgnoreCase(name.strip()))) {
                throw new CliException("--backend " + name + ": MiniGrid runs on the reference backend only for now "
                        + "(the CPU VM and the OpenCL kernel do not run MiniGrid yet); use --backend reference");
            }
            throw new BackendException("unknown backend '" + name + "'; known backends: " + String.join(", ", BackendChoice.names()));
        }
        if (options.device() != null) {
            throw new BackendException("--device " + options.device() + ": the reference backend runs on CPU threads; "
                    + "--device chooses an OpenCL device (--backend opencl or auto)");
        }
        return new MiniGridReference(options.threadsOrCores());
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
