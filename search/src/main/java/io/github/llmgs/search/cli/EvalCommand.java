package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Trace;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.search.BackendChoice;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.Seeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs eval}: one program's score on a task, per-episode detail and an optional trace. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score one program on a task and list each episode.",
                "Prints the score (mean return over the instances) and each episode's return, actions, calls",
                "and crash flag (and, on MiniGrid tasks, the terminated flag); --trace SEED adds the step-by-step",
                "log of one episode with its worlds. MiniGrid tasks run on the reference backend only for now."},
        footer = {"", "Example:",
                "  llmgs eval --task Maze --program \"DEF run m( turnLeft REPEAT R=4 r( move r) m)\" --seeds 0-3 --trace 0",
                "  llmgs eval --task LavaGap --program \"DEF run m( REPEAT R=3 r( forward r) m)\" --seeds 0-3 --trace 0"})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "Task name, e.g. DoorKey (see 'llmgs tasks').")
    String taskName;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ProgramSource source;

    static final class ProgramSource {
        @Option(names = "--program", paramLabel = "PROGRAM", description = "The program in LEAPS tokens: \"DEF run m( ... m)\".")
        String text;

        @Option(names = "--program-file", paramLabel = "FILE", description = "Read the program from a file instead.")
        Path file;
    }

    @Option(names = "--seeds", paramLabel = "SEEDS",
            description = "Instance seeds: 0-31, 3 or 0,2,5-7 (default: the config's, 0-31).")
    String seeds;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = BackendChoice.DEFAULT,
            description = "Backend that runs the episodes (default: ${DEFAULT-VALUE}).")
    String backendName;

    @Mixin
    DeviceOptions where;

    @Option(names = "--trace", paramLabel = "SEED",
            description = "Also print the step-by-step log of this seed's episode, with the initial and final world.")
    String traceSeed;

    @Option(names = "--config", paramLabel = "FILE", description = "Run settings of the task's domain (default: configs/karel.json or configs/minigrid.json as built into the jar).")
    Path config;

    @Override
    public Integer call() {
        DomainTask chosen = DomainTask.of(taskName);
        RunSettings settings = chosen.settings("--config", config);
        Node.Program program = source.text != null ? Inputs.program(source.text, chosen.vocabulary())
                : Inputs.programFile(source.file, chosen.vocabulary());
        long[] seedList = seeds == null ? settings.seeds() : Inputs.seeds("--seeds", seeds);
        Long trace = traceSeed == null ? null : Inputs.seed("--trace", traceSeed);
        Inputs.fits(program, source.text != null ? "--program" : source.file.toString());
        if (chosen.isMiniGrid()) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (MiniGridEpisodes backend = Inputs.miniGridBackend(backendName, where.threads, where.device,
                    note -> { err.println(note); err.flush(); })) {
                MiniGridEval.print(out, chosen.miniGrid(), program, seedList, trace, settings, backend);
            }
            out.flush();
            return 0;
        }
        Task task = chosen.karel();

        List<TaskInstance> instances = new ArrayList<>(seedList.length);
        for (long s : seedList) {
            instances.add(Inputs.instance(task, s, "--seeds"));
        }
        TaskInstance traced = trace == null ? null : Inputs.instance(task, trace, "--trace");

        BatchResult result;
        String backendLine;
        PrintWriter err = spec.commandLine().getErr();
        try (Backend backend = Inputs.backend(backendName, where.threads, where.device, note -> { err.println(note); err.flush(); })) {
            backendLine = backend.name() + " (" + backend.device() + ")";
            result = backend.evaluate(new BatchRequest(task, instances, List.of(program), true, settings.maxCalls()));
        }

        PrintWriter out = spec.commandLine().getOut();
        out.printf("task      %s (%s, %s)%n", task.name(), task.rows() + " x " + task.cols(), task.sparse() ? "sparse" : "dense");
        out.printf("program   %s%n", Printer.print(program));
        String n = seedList.length == 1 ? "1 instance" : seedList.length + " instances";
        out.printf("seeds     %s (%s), max_calls %d%n", Seeds.format(seedList), n, settings.maxCalls());
        out.printf("backend   %s%n", backendLine);
        out.printf("score     %s   (mean return over %s)%n", Numbers.fmt(result.mean(0)),
                seedList.length == 1 ? "1 episode" : seedList.length + " episodes");
        out.println();
        out.printf("%10s  %14s  %7s  %6s  %s%n", "seed", "return", "actions", "calls", "crashed");
        for (int i = 0; i < seedList.length; i++) {
            Episode e = result.episode(0, i);
            out.printf("%10d  %14s  %7d  %6d  %s%n", seedList[i], Numbers.fmt(e.ret()), e.steps(), e.calls(),
                    e.crashed() ? "yes" : "no");
        }
        if (traced != null) {
            out.println();
            printTrace(out, task, program, traced, trace, settings.maxCalls());
        }
        out.flush();
        return 0;
    }

    /** The episode on the tree-walking reference interpreter, one line per action and condition. */
    static void printTrace(PrintWriter out, Task task, Node.Program program, TaskInstance instance, long seed, int maxCalls) {
        Trace trace = new TreeWalker(maxCalls).trace(program, task, instance);
        Episode e = trace.episode();
        out.printf("trace of seed %d (tree-walking reference interpreter)%n", seed);
        out.printf("initial world (hero at row %d, col %d, facing %s):%n", instance.heroRow(), instance.heroCol(),
                ShowCommand.facing(instance.heroDir()));
        out.print(instance.toAscii());
        out.print(trace.log().isEmpty() ? "(no action or condition was executed)\n" : trace.log());
        World w = trace.finalWorld();
        out.printf("final world (hero at row %d, col %d, facing %s):%n", w.row, w.col, ShowCommand.facing(w.dir));
        out.print(w.toAscii());
        out.printf("return %s, actions %d, calls %d, crashed %s%n", Numbers.fmt(e.ret()), e.steps(), e.calls(),
                e.crashed() ? "yes" : "no");
    }
}
