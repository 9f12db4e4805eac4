package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.llm.DslToPython;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which line of a program's Python form ran each step of a recorded episode. The engine's step
 * logs say what ran (an action, or a perception and its value) but not where; walking the tree
 * again, driven by the recorded values, puts every step on its statement. The walk follows both
 * oracles' rules: an action is skipped once crashed (and logs nothing), a WHILE records its head
 * state after its condition held and leaves when crashed, and a step that ends the episode ends
 * the walk.
 */
final class StepLines {
    /**
     * One logged step: its token, the perception's value, the crash flag after it, whether it
     * ended the episode, and for a perception the state a WHILE head would record.
     */
    record Event(boolean action, String token, boolean value, boolean crashed, boolean ends, Object stateKey) {}

    private final List<Event> events;
    private final int[] lines;
    private final Map<Node.While, Set<Object>> heads = new IdentityHashMap<>();
    private int next;
    private boolean crashed;

    private StepLines(List<Event> events) {
        this.events = events;
        this.lines = new int[events.size()];
    }

    /** The 1-based line of each event (0 where the walk and the log disagree, which they should not). */
    static int[] of(Node.Program program, List<Event> events) {
        StepLines w = new StepLines(events);
        try {
            w.stmt(program.body(), 2);
        } catch (Stop stop) {
            // the log ran out, or the episode ended
        }
        return w.lines;
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private void stmt(Node.Stmt s, int line) {
        while (s instanceof Node.Concatenate c) {
            stmt(c.first(), line);
            line += DslToPython.height(c.first());
            s = c.rest();
        }
        if (s instanceof Node.Act a) {
            if (crashed) return;
            Event e = take(true, a.action().token(), line);
            if (e.ends()) throw new Stop();
        } else if (s instanceof Node.If i) {
            if (test(i.cond(), line)) stmt(i.body(), line + 1);
        } else if (s instanceof Node.Ite e) {
            if (test(e.cond(), line)) stmt(e.then(), line + 1);
            else stmt(e.otherwise(), line + 2 + DslToPython.height(e.then()));
        } else if (s instanceof Node.Repeat r) {
            for (int k = 0; k < r.times().value(); k++) stmt(r.body(), line + 1);
        } else if (s instanceof Node.While w) {
            Set<Object> seen = heads.computeIfAbsent(w, k -> new HashSet<>());
            while (true) {
                if (!test(w.cond(), line)) return;
                if (!seen.add(events.get(next - 1).stateKey())) crashed = true;
                if (crashed) return;
                stmt(w.body(), line + 1);
            }
        }
    }

    private boolean test(Node.Cond c, int line) {
        if (c instanceof Node.Not n) return !test(n.feature(), line);
        return take(false, ((Node.Feature) c).feature().token(), line).value();
    }

    private Event take(boolean action, String token, int line) {
        if (next >= events.size()) throw new Stop();
        Event e = events.get(next);
        if (e.action() != action || !e.token().equals(token)) throw new Stop();
        lines[next++] = line;
        crashed = e.crashed();
        return e;
    }
}
