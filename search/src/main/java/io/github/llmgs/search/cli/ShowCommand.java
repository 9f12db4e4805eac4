package io.github.llmgs.search.cli;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs show}: a task instance as ASCII. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a task's initial world for one seed as ASCII, with a legend.",
        footer = {"", "Example:", "  llmgs show --task DoorKey --seed 0"})
final class ShowCommand implements Callable<Integer> {
    private static final String[] FACING = {"north", "east", "south", "west"};

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "Task name, e.g. DoorKey (see 'llmgs tasks').")
    String taskName;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0", description = "Instance seed, 0..4294967295 (default: ${DEFAULT-VALUE}).")
    String seedText;

    @Override
    public Integer call() {
        Task task = Inputs.task(taskName);
        long seed = Inputs.seed("--seed", seedText);
        TaskInstance inst = Inputs.instance(task, seed, "--seed");
        int heroMarkers = heroCellMarkers(inst);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s, seed %d: %d rows x %d cols; hero at row %d, col %d, facing %s%n", task.name(), seed,
                inst.rows(), inst.cols(), inst.heroRow(), inst.heroCol(), facing(inst.heroDir()));
        out.print(inst.toAscii());
        out.println("legend: # wall   . empty   1-9 markers   A 10 markers   ^ > v < hero facing north/east/south/west");
        out.printf("        row 0 is the top, col 0 the left; the hero's cell holds %s%n",
                heroMarkers == 0 ? "no markers" : heroMarkers == 1 ? "1 marker" : heroMarkers + " markers");
        out.flush();
        return 0;
    }

    static String facing(int dir) {
        return FACING[dir & 3];
    }

    private static int heroCellMarkers(TaskInstance inst) {
        int r = inst.heroRow(), c = inst.heroCol();
        if (r < 0 || r >= inst.rows() || c < 0 || c >= inst.cols()) return 0;
        return inst.markers()[r * inst.cols() + c];
    }
}
