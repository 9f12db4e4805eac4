package io.github.llmgs.search.cli;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code llmgs tasks}: the 18 Karel task variants and the 3 MiniGrid tasks. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "List the tasks: name, domain, grid size (rows x cols), sparse reward or not, and what to do.")
final class TasksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String row = "%-19s %-9s %-8s %-7s %s%n";
        out.printf(row, "task", "domain", "size", "sparse", "description");
        for (Task t : Tasks.all()) {
            out.printf(row, t.name(), "karel", t.rows() + " x " + t.cols(), t.sparse() ? "yes" : "no", t.description());
        }
        for (MiniGridTask t : MiniGridTasks.ALL) {
            out.printf(row, t.name(), "minigrid", t.height() + " x " + t.width(), "no", t.description());
        }
        out.flush();
        return 0;
    }
}
