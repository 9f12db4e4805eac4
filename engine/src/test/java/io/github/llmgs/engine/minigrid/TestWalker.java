package io.github.llmgs.engine.minigrid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A test-only parser and tree-walker for the MiniGrid DSL text (spec/minigrid.md section 9),
 * just enough to drive {@link ProgramWrapper} with the vectors' programs. It is not the oracle:
 * that belongs to the shared DSL; this one exists so the wrapper's call, crash and return rules
 * are checked against every recorded episode.
 */
final class TestWalker {
    private sealed interface Node permits Act, Seq, Repeat, If, IfElse, While {}

    private record Act(Action action) implements Node {}

    private record Seq(List<Node> body) implements Node {}

    private record Repeat(int times, Node body) implements Node {}

    private record If(Cond cond, Node body) implements Node {}

    private record IfElse(Cond cond, Node then, Node otherwise) implements Node {}

    private record While(int id, Cond cond, Node body) implements Node {}

    private sealed interface Cond permits Not, Leaf {}

    private record Not(Cond operand) implements Cond {}

    private record Leaf(Feature feature, int argument) implements Cond {}

    private final Node root;
    private final int whileCount;
    private List<Set<StateKey>> histories;
    private ProgramWrapper wrapper;

    private String[] tokens;
    private int pos;
    private int whiles;

    TestWalker(String program) {
        tokens = program.trim().split(" ");
        expect("DEF");
        expect("run");
        expect("m(");
        root = statements("m)");
        if (pos != tokens.length) throw new IllegalArgumentException("trailing tokens in " + program);
        whileCount = whiles;
        tokens = null;
    }

    /** One episode from the wrapper's reset, as {@code evaluate_program}. */
    EpisodeResult run(ProgramWrapper w) {
        wrapper = w;
        w.reset();
        histories = new ArrayList<>();
        for (int i = 0; i < whileCount; i++) histories.add(new HashSet<>());
        exec(root);
        return w.result();
    }

    private void exec(Node node) {
        if (wrapper.over()) return;
        if (node instanceof Act a) {
            wrapper.act(a.action());
        } else if (node instanceof Seq s) {
            for (Node n : s.body()) {
                exec(n);
                if (wrapper.over()) return;
            }
        } else if (node instanceof Repeat r) {
            for (int i = 0; i < r.times() && !wrapper.over(); i++) exec(r.body());
        } else if (node instanceof If i) {
            if (eval(i.cond())) exec(i.body());
        } else if (node instanceof IfElse e) {
            exec(eval(e.cond()) ? e.then() : e.otherwise());
        } else if (node instanceof While l) {
            Set<StateKey> history = histories.get(l.id());
            while (!wrapper.over() && eval(l.cond()) && !wrapper.whileHeadRepeats(history)) {
                exec(l.body());
            }
        }
    }

    private boolean eval(Cond c) {
        if (c instanceof Not n) return !eval(n.operand());
        Leaf f = (Leaf) c;
        return wrapper.sense(f.feature(), f.argument());
    }

    // ---- parsing ----

    private String next() {
        if (pos >= tokens.length) throw new IllegalArgumentException("program ends early");
        return tokens[pos++];
    }

    private void expect(String token) {
        String t = next();
        if (!t.equals(token)) throw new IllegalArgumentException("expected " + token + " at token " + (pos - 1) + ", got " + t);
    }

    private Node statements(String close) {
        List<Node> body = new ArrayList<>();
        while (!tokens[pos].equals(close)) body.add(statement());
        pos++;
        if (body.isEmpty()) throw new IllegalArgumentException("empty statement list before " + close);
        return body.size() == 1 ? body.get(0) : new Seq(body);
    }

    private Node statement() {
        String t = next();
        switch (t) {
            case "WHILE" -> {
                Cond c = condition();
                expect("w(");
                int id = whiles++;
                return new While(id, c, statements("w)"));
            }
            case "REPEAT" -> {
                if (!tokens[pos].startsWith("R=")) throw new IllegalArgumentException("REPEAT without R=");
                int n = Integer.parseInt(next().substring(2));
                expect("r(");
                return new Repeat(n, statements("r)"));
            }
            case "IF" -> {
                Cond c = condition();
                expect("i(");
                return new If(c, statements("i)"));
            }
            case "IFELSE" -> {
                Cond c = condition();
                expect("i(");
                Node then = statements("i)");
                expect("ELSE");
                expect("e(");
                return new IfElse(c, then, statements("e)"));
            }
            default -> {
                return new Act(Action.byWord(t));
            }
        }
    }

    private Cond condition() {
        expect("c(");
        Cond c = bool();
        expect("c)");
        return c;
    }

    private Cond bool() {
        String t = next();
        if (t.equals("not")) return new Not(condition());
        Feature f = Feature.byWord(t);
        if (!f.parameterised()) return new Leaf(f, -1);
        expect("h(");
        int arg = f.argument(next());
        expect("h)");
        return new Leaf(f, arg);
    }
}
