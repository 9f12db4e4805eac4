package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.engine.minigrid.Color;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridStepLog;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridWalker;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.engine.minigrid.ObjectType;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.Seeds;
import java.io.PrintWriter;
import java.util.List;

/** {@code llmgs eval} on a MiniGrid task: Karel's layout plus the terminated flag, and a trace in the vectors' glyphs. */
final class MiniGridEval {
    private MiniGridEval() {}

    static void print(PrintWriter out, MiniGridTask task, Node.Program program, long[] seeds, Long traceSeed,
            RunSettings settings, MiniGridEpisodes backend) {
        EpisodeResult[] episodes = backend.evaluate(task, List.of(program), seeds, settings.maxCalls())[0];
        double sum = 0.0;
        for (EpisodeResult e : episodes) sum += e.ret();
        out.printf("task      %s (%d x %d, minigrid)%n", task.name(), task.height(), task.width());
        out.printf("program   %s%n", Printer.print(program));
        String n = seeds.length == 1 ? "1 instance" : seeds.length + " instances";
        out.printf("seeds     %s (%s), max_calls %d%n", Seeds.format(seeds), n, settings.maxCalls());
        out.printf("backend   %s (%s)%n", backend.name(), backend.device());
        out.printf("score     %s   (mean return over %s)%n", Numbers.fmt(sum / seeds.length),
                seeds.length == 1 ? "1 episode" : seeds.length + " episodes");
        out.println();
        out.printf("%10s  %14s  %7s  %6s  %-7s  %s%n", "seed", "return", "actions", "calls", "crashed", "terminated");
        for (int i = 0; i < seeds.length; i++) {
            EpisodeResult e = episodes[i];
            out.printf("%10d  %14s  %7d  %6d  %-7s  %s%n", seeds[i], Numbers.fmt(e.ret()), e.steps(), e.calls(),
                    yesNo(e.crashed()), yesNo(e.terminated()));
        }
        if (traceSeed != null) {
            out.println();
            printTrace(out, task, program, traceSeed, settings.maxCalls());
        }
    }

    /** The episode on the oracle, one line per action (the agent after it) and per condition. */
    static void printTrace(PrintWriter out, MiniGridTask task, Node.Program program, long seed, int maxCalls) {
        MiniGridWorld start = MiniGridWorld.generate(task, seed);
        ProgramWrapper wrapper = new ProgramWrapper(start, maxCalls);
        StringBuilder log = new StringBuilder();
        wrapper.logTo(new MiniGridStepLog() {
            @Override
            public void action(Action action, MiniGridWorld w, double reward, boolean terminated, int calls, boolean crashed) {
                log.append(String.format("calls=%d %-7s -> (%d,%d,%c) carrying %s r=%s%s%s%n", calls, action.token(), w.agentX,
                        w.agentY, MiniGridAscii.arrow(w.agentDir), w.carryingText() == null ? "nothing" : w.carryingText(),
                        reward, terminated ? " END" : "", crashed ? " CRASHED" : ""));
            }

            @Override
            public void condition(Feature feature, int argument, boolean value, int calls, boolean crashed) {
                log.append(String.format("calls=%d %s = %s%s%n", calls, conditionText(feature, argument), value,
                        crashed ? " CRASHED" : ""));
            }
        });
        EpisodeResult e = new MiniGridWalker(wrapper).run(program);
        out.printf("trace of seed %d (tree-walking reference interpreter; after each action: (x,y,facing))%n", seed);
        out.printf("initial world (%s):%n", MiniGridAscii.agent(start));
        out.print(MiniGridAscii.draw(start));
        out.print(log.length() == 0 ? "(no action or condition was executed)\n" : log);
        MiniGridWorld w = wrapper.world();
        out.printf("final world (%s, carrying %s):%n", MiniGridAscii.agent(w), w.carryingText() == null ? "nothing" : w.carryingText());
        out.print(MiniGridAscii.draw(w));
        out.printf("return %s, actions %d, calls %d, crashed %s, terminated %s%n", Numbers.fmt(e.ret()), e.steps(), e.calls(),
                yesNo(e.crashed()), yesNo(e.terminated()));
    }

    /** As the program writes it; a word inside h( .. h) that names no type or colour (never true) shows as '?'. */
    private static String conditionText(Feature feature, int argument) {
        if (!feature.takesArgument()) return feature.token();
        String word = argument < 0 ? "?"
                : feature == Feature.FRONT_OBJECT_TYPE ? ObjectType.name(argument) : Color.name(argument);
        return feature.token() + " h( " + word + " h)";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
