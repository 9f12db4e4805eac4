package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.search.config.ConfigException;
import io.github.llmgs.search.config.RunSettings;
import java.nio.file.Path;

/**
 * A task of either domain with the vocabulary its programs are written in: the one place a task
 * name picks its domain (every command uses it; exactly one of {@code karel} and {@code miniGrid}
 * is set).
 */
record DomainTask(Vocabulary vocabulary, Task karel, MiniGridTask miniGrid) {
    /** A task by name in either domain, case-insensitive as Karel's lookup is; an unknown name lists both domains' tasks. */
    static DomainTask of(String name) {
        var miniGridTask = MiniGridTasks.find(name);
        if (miniGridTask.isPresent()) return new DomainTask(Domains.MINIGRID, null, miniGridTask.get());
        try {
            return new DomainTask(Domains.KAREL, Tasks.byName(name), null);
        } catch (IllegalArgumentException e) {
            // "unknown task 'Foo'; known tasks: StairClimber, ..." plus the MiniGrid names
            throw new CliException(e.getMessage() + ", "
                    + String.join(", ", MiniGridTasks.ALL.stream().map(MiniGridTask::name).toList()));
        }
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
