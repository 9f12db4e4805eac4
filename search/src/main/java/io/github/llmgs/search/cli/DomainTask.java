package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import java.util.Optional;

/** A task named on the command line, with the domain whose programs it runs. */
record DomainTask(String name, Vocabulary vocabulary) {
    /** The task of that name in any domain; an unknown name is one line that lists every domain's tasks. */
    static DomainTask of(String name) {
        Optional<MiniGridTask> miniGrid = MiniGridTasks.find(name);
        if (miniGrid.isPresent()) return new DomainTask(miniGrid.get().name(), Domains.MINIGRID);
        try {
            return new DomainTask(Tasks.byName(name).name(), Domains.KAREL);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + ", " + String.join(", ",
                    MiniGridTasks.ALL.stream().map(MiniGridTask::name).toList()));
        }
    }

    String domain() {
        return vocabulary.domain();
    }

    boolean miniGrid() {
        return vocabulary == Domains.MINIGRID;
    }
}
