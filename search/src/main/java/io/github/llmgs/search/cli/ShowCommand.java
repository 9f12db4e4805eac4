package io.github.llmgs.search.cli;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs show}: a task instance as ASCII. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a task's initial world for one seed as ASCII, with a legend (Karel and MiniGrid tasks).",
        footer = {"", "Examples:", "  llmgs show --task DoorKey --seed 0", "  llmgs show --task LavaGap --seed 3"})
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
        long seed = Inputs.seed("--seed", seedText);
        DomainTask chosen = DomainTask.of(taskName);
        if (chosen.isMiniGrid()) {
            showMiniGrid(chosen.miniGrid(), seed);
            return 0;
        }
        Task task = chosen.karel();
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

    /** A MiniGrid instance in the vectors' two-character glyphs, the agent drawn over its cell. */
    private void showMiniGrid(MiniGridTask task, long seed) {
        MiniGridWorld w = MiniGridWorld.generate(task, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s, seed %d: %d rows x %d cols; %s%n", task.name(), seed, w.height, w.width, MiniGridAscii.agent(w));
        out.print(MiniGridAscii.draw(w));
        out.println("legend: .. empty   We wall   Gg goal   Vr lava   D? closed door   O? open door   A? ball   B? box");
        out.println("        ? colour: r red  g green  b blue  p purple  y yellow  e grey;  >> vv << ^^ agent facing east/south/west/north");
        out.println("        x is the column from the left, y the row from the top; the agent's cell is empty");
        out.flush();
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
