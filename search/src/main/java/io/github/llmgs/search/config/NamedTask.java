package io.github.llmgs.search.config;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;

/**
 * A task of either domain, by name, with the vocabulary its programs are written in: the one place
 * a task name picks its domain (the commands, the dashboard's pictures and the evaluation API look
 * tasks up here). Exactly one of {@code karel} and {@code miniGrid} is set.
 */
public record NamedTask(Vocabulary vocabulary, Task karel, MiniGridTask miniGrid) {
    /**
     * A task by name in either domain, case-insensitive as Karel's lookup is.
     *
     * @throws IllegalArgumentException for an unknown name, in one line that lists both domains' tasks
     */
    public static NamedTask of(String name) {
        var miniGridTask = MiniGridTasks.find(name);
        if (miniGridTask.isPresent()) return new NamedTask(Domains.MINIGRID, null, miniGridTask.get());
        try {
            return new NamedTask(Domains.KAREL, Tasks.byName(name), null);
        } catch (IllegalArgumentException e) {
            // "unknown task 'Foo'; known tasks: StairClimber, ..." plus the MiniGrid names
            throw new IllegalArgumentException(e.getMessage() + ", "
                    + String.join(", ", MiniGridTasks.ALL.stream().map(MiniGridTask::name).toList()));
        }
    }

    public boolean isMiniGrid() {
        return miniGrid != null;
    }

    public String name() {
        return isMiniGrid() ? miniGrid.name() : karel.name();
    }

    public String domain() {
        return vocabulary.domain();
    }
}
