package io.github.llmgs.search.cli;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code llmgs tasks}: the 18 Karel task variants. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "List the Karel tasks: name, grid size (rows x cols), sparse reward or not, and what to do.")
final class TasksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-19s %-8s %-7s %s%n", "task", "size", "sparse", "description");
        for (Task t : Tasks.all()) {
            out.printf("%-19s %-8s %-7s %s%n", t.name(), t.rows() + " x " + t.cols(), t.sparse() ? "yes" : "no",
                    t.description());
        }
        out.flush();
        return 0;
    }
}
