package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The MiniGrid oracle: a tree-walking interpreter that reads like spec/minigrid.md section 9.2,
 * running a program (the shared AST, MiniGrid's words) through {@link ProgramWrapper}. The CPU VM
 * and the kernel are held to it; it is written for clarity, not speed.
 *
 * <p>The walk stops as soon as the episode is over (a step terminated): the reference's
 * evaluate_program stops driving its generator there, so nothing after it is evaluated or counted.
 * After a crash it goes on: actions do nothing, conditions are still counted, each WHILE exits at
 * its next check and REPEATs still iterate.
 */
public final class MiniGridWalker {
    private final ProgramWrapper wrapper;
    /** Each WHILE node's history of head states, emptied at the start of every run only. */
    private final Map<Node.While, Set<StateKey>> histories = new IdentityHashMap<>();

    public MiniGridWalker(ProgramWrapper wrapper) {
        this.wrapper = wrapper;
    }

    /** One episode from the wrapper's reset, as the reference's {@code evaluate_program}. */
    public EpisodeResult run(Node.Program program) {
        wrapper.reset();
        histories.clear();
        statement(program.body());
        return wrapper.result();
    }

    /** Runs one episode of {@code program} on the task's instance {@code seed}. */
    public static EpisodeResult run(Node.Program program, MiniGridTask task, long seed) {
        return new MiniGridWalker(ProgramWrapper.of(task, seed)).run(program);
    }

    private void statement(Node.Stmt s) {
        // a statement list is a right-nested chain: walked in a loop, so a long list needs no stack
        while (s instanceof Node.Concatenate c) {
            statement(c.first());
            if (wrapper.over()) return;
            s = c.rest();
        }
        if (wrapper.over()) return;
        if (s instanceof Node.Act a) {
            wrapper.act(Action.of(a.action()));
        } else if (s instanceof Node.Repeat r) {
            for (int i = 0; i < r.times().value() && !wrapper.over(); i++) statement(r.body());
        } else if (s instanceof Node.If i) {
            if (condition(i.cond())) statement(i.body());
        } else if (s instanceof Node.Ite e) {
            statement(condition(e.cond()) ? e.then() : e.otherwise());
        } else if (s instanceof Node.While w) {
            Set<StateKey> history = histories.computeIfAbsent(w, k -> new HashSet<>());
            while (!wrapper.over() && condition(w.cond()) && !wrapper.whileHeadRepeats(history)) {
                statement(w.body());
            }
        } else {
            throw new IllegalArgumentException("not a statement: " + s);
        }
    }

    private boolean condition(Node.Cond c) {
        if (c instanceof Node.Not n) return !feature(n.feature());
        return feature((Node.Feature) c);
    }

    private boolean feature(Node.Feature f) {
        Feature feature = Feature.of(f.feature());
        return wrapper.sense(feature, feature.takesArgument() ? Arguments.index(feature, f.argument()) : -1);
    }
}
