package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.search.config.ConfigException;
import io.github.llmgs.search.config.NamedTask;
import io.github.llmgs.search.config.RunSettings;
import java.nio.file.Path;

/**
 * A task of either domain ({@link NamedTask}) as the commands use it: an unknown name or run
 * settings of the other domain are one-line errors.
 */
record DomainTask(Vocabulary vocabulary, Task karel, MiniGridTask miniGrid) {
    /** A task by name in either domain, case-insensitive as Karel's lookup is; an unknown name lists both domains' tasks. */
    static DomainTask of(String name) {
        NamedTask task;
        try {
            task = NamedTask.of(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        return new DomainTask(task.vocabulary(), task.karel(), task.miniGrid());
    }

    boolean isMiniGrid() {
        return miniGrid != null;
    }

    String name() {
        return isMiniGrid() ? miniGrid.name() : karel.name();
    }

    String domain() {
        return vocabulary.domain();
    }

    /** The domain's run settings as shipped in the jar ({@code configs/<domain>.json}). */
    RunSettings defaultSettings() {
        return RunSettings.loadDefault(domain());
    }

    /** Settings from a file ({@code option} names it in messages), refused in one line when they are another domain's. */
    RunSettings settings(String option, Path file) {
        if (file == null) return defaultSettings();
        RunSettings settings;
        try {
            settings = RunSettings.load(file);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
        if (!settings.domain().equals(domain())) {
            throw new CliException(option + " " + file + ": run settings of domain " + settings.domain() + ", but task "
                    + name() + " is a " + domain() + " task (see configs/" + domain() + ".json)");
        }
        return settings;
    }
}
