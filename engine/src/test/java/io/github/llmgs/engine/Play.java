package io.github.llmgs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.llmgs.dsl.Parser;

/**
 * One episode of a hand-written program on the tree-walking interpreter, kept with everything a
 * failure message needs: the initial world, the step log and the final world.
 */
final class Play {
    static final double EPS = 1e-9;

    final Task task;
    final TaskInstance instance;
    final String program;
    final Episode episode;
    private final String log;
    private final World last;

    private Play(Task task, TaskInstance instance, String program, Episode episode, String log, World last) {
        this.task = task;
        this.instance = instance;
        this.program = program;
        this.episode = episode;
        this.log = log;
        this.last = last;
    }

    static Play run(String task, int seed, String program) {
        return run(task, seed, program, TreeWalker.DEFAULT_MAX_CALLS);
    }

    static Play run(String taskName, int seed, String program, int maxCalls) {
        Task task = Tasks.byName(taskName);
        TaskInstance instance = task.generate(seed);
        Trace t = new TreeWalker(maxCalls).trace(Parser.parse(program), task, instance);
        return new Play(task, instance, program, t.episode(), t.log(), t.finalWorld());
    }

    /** The world as the episode left it. */
    String finalAscii() {
        return last.toAscii();
    }

    /** Everything about this episode, for assertion messages. */
    String describe() {
        String steps = log.lines().count() > 120
                ? String.join("\n", log.lines().limit(120).toList()) + "\n... (" + (log.lines().count() - 120) + " more lines)\n"
                : log;
        return task.name() + " seed " + instance.seed() + "\nprogram: " + program + "\ninitial world:\n"
                + instance.toAscii() + "step log:\n" + steps + "final world:\n" + finalAscii();
    }

    /** Return (to 1e-9), actions, calls and crash flag, all four in one message. */
    Play expect(double ret, int steps, int calls, boolean crashed) {
        Episode want = new Episode(ret, steps, calls, crashed);
        boolean same = Math.abs(ret - episode.ret()) <= EPS && steps == episode.steps() && calls == episode.calls()
                && crashed == episode.crashed();
        if (!same) {
            fail("expected " + want + "\n     got " + episode + "\n" + describe() + "\n");
        }
        return this;
    }

    Play expectReturn(double ret) {
        assertEquals(ret, episode.ret(), EPS, () -> "return\n" + describe() + "\n");
        return this;
    }

    Play expectFinal(String ascii) {
        assertEquals(ascii, finalAscii(), () -> "final world\n" + describe() + "\n");
        return this;
    }

    /** Asserts a task's initial world for a seed, drawn with the hero as ^ > v <. */
    static TaskInstance assertPicture(String taskName, int seed, String expected) {
        TaskInstance inst = Tasks.byName(taskName).generate(seed);
        assertEquals(expected, inst.toAscii(), () -> taskName + " seed " + seed + ": initial world\n" + inst.toAscii());
        return inst;
    }
}
