package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.engine.minigrid.MiniGridWalker;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import io.github.llmgs.llm.DslToPython;
import io.github.llmgs.llm.EpisodeTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The worst-episode traces: the worst instance and the mean as the oracle scores them, at most
 * 50 steps with the total counted, and every step on a Python line that runs it (an action's own
 * call, a perception's if or while head) for random programs, which often crash and repeat.
 */
class RevisionTracesTest {
    private static List<TaskInstance> instances(Task task, int n) {
        List<TaskInstance> out = new ArrayList<>();
        for (int s = 0; s < n; s++) out.add(task.generate(s));
        return out;
    }

    private static void checkLines(Node.Program p, EpisodeTrace t) {
        List<String> lines = DslToPython.lines(p);
        for (int i = 0; i < t.steps().size(); i++) {
            EpisodeTrace.Step s = t.steps().get(i);
            String why = Printer.print(p) + "\nstep " + (i + 1) + " " + s.name() + " at line " + s.line() + "\n" + DslToPython.print(p);
            assertTrue(s.line() >= 2 && s.line() <= lines.size(), why);
            String line = lines.get(s.line() - 1).strip();
            if (s.action()) {
                assertEquals(s.name() + "()", line, why);
            } else {
                String call = s.name().contains("(\"") ? s.name().substring(0, s.name().indexOf('(')) + "(" : s.name();
                assertTrue((line.startsWith("if ") || line.startsWith("while ")) && line.contains(call), why);
            }
        }
    }

    @Test
    void karelTracesPutEveryStepOnItsLine() {
        for (String name : List.of("DoorKey", "Harvester", "Maze", "StairClimber")) {
            Task task = Tasks.byName(name);
            List<TaskInstance> inst = instances(task, 8);
            KarelTraces traces = new KarelTraces(task, inst, TreeWalker.DEFAULT_MAX_CALLS);
            Grammar g = new Grammar();
            Random rng = new Random(name.hashCode());
            for (int k = 0; k < 300; k++) {
                Node.Program p = g.randomProgram(rng);
                EpisodeTrace t = traces.worst(p);
                double min = Double.POSITIVE_INFINITY, sum = 0;
                int worst = -1;
                for (int i = 0; i < inst.size(); i++) {
                    double r = new TreeWalker().run(p, task, inst.get(i)).ret();
                    sum += r;
                    if (r < min) {
                        min = r;
                        worst = i;
                    }
                }
                assertEquals(worst, t.instance());
                assertEquals(min, t.episodeReturn(), 0.0);
                assertEquals(sum / inst.size(), t.meanScore(), 1e-12);
                assertTrue(t.steps().size() <= EpisodeTrace.MAX_STEPS && t.totalSteps() >= t.steps().size());
                checkLines(p, t);
            }
        }
    }

    @Test
    void aLongEpisodeIsCutAtFiftyStepsAndCounted() {
        Task task = Tasks.byName("Harvester");
        Node.Program p = Parser.parse("DEF run m( REPEAT R=19 r( REPEAT R=19 r( turnLeft r) r) m)");
        EpisodeTrace t = new KarelTraces(task, instances(task, 2), TreeWalker.DEFAULT_MAX_CALLS).worst(p);
        assertEquals(50, t.steps().size());
        assertEquals(361, t.totalSteps());
        assertEquals(4, t.steps().get(49).line(), "the inner loop's turnLeft");
        assertTrue(t.initialWorld().contains("the whole map"), t.initialWorld());
        assertTrue(t.steps().get(0).view().contains("agent facing"), t.steps().get(0).view());
    }

    @Test
    void miniGridTracesPutEveryStepOnItsLine() {
        for (MiniGridTask task : MiniGridTasks.ALL) {
            long[] seeds = {0, 1, 2, 3};
            MiniGridTraces traces = new MiniGridTraces(task, seeds, ProgramWrapper.DEFAULT_MAX_CALLS);
            Grammar g = new Grammar(Domains.MINIGRID);
            Random rng = new Random(task.name().hashCode());
            for (int k = 0; k < 200; k++) {
                Node.Program p = g.randomProgram(rng);
                EpisodeTrace t = traces.worst(p);
                double min = Double.POSITIVE_INFINITY;
                for (long s : seeds) {
                    min = Math.min(min, new MiniGridWalker(new ProgramWrapper(MiniGridWorld.generate(task, s),
                            ProgramWrapper.DEFAULT_MAX_CALLS)).run(p).ret());
                }
                assertEquals(min, t.episodeReturn(), 0.0);
                checkLines(p, t);
            }
        }
    }
}
