package io.github.llmgs.llm;

import io.github.llmgs.dsl.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a program in the Python subset the prompts ask for: the inverse of {@link PythonToDsl}
 * (converting the printed text back gives the same tree). Line 1 is {@code def run():}; every
 * statement that is not a list starts a line of its own, so a step of an episode can be pointed
 * at by line number ({@link #lines}).
 */
public final class DslToPython {
    private static final String INDENT = "    ";

    private DslToPython() {}

    /** The program as Python, one string per line, without trailing newlines. */
    public static List<String> lines(Node.Program program) {
        List<String> out = new ArrayList<>();
        out.add("def run():");
        stmt(program.body(), 1, out);
        return out;
    }

    /** The program as Python text, ending with a newline. */
    public static String print(Node.Program program) {
        return String.join("\n", lines(program)) + "\n";
    }

    /** How many lines a statement takes when printed: where the statement after it starts. */
    public static int height(Node.Stmt s) {
        if (s instanceof Node.Concatenate c) return height(c.first()) + height(c.rest());
        if (s instanceof Node.If i) return 1 + height(i.body());
        if (s instanceof Node.Ite e) return 2 + height(e.then()) + height(e.otherwise());
        if (s instanceof Node.Repeat r) return 1 + height(r.body());
        if (s instanceof Node.While w) return 1 + height(w.body());
        return 1; // an action
    }

    private static void stmt(Node.Stmt s, int depth, List<String> out) {
        String pad = INDENT.repeat(depth);
        if (s instanceof Node.Concatenate c) {
            stmt(c.first(), depth, out);
            stmt(c.rest(), depth, out);
        } else if (s instanceof Node.Act a) {
            out.add(pad + a.action().token() + "()");
        } else if (s instanceof Node.If i) {
            out.add(pad + "if " + cond(i.cond()) + ":");
            stmt(i.body(), depth + 1, out);
        } else if (s instanceof Node.Ite e) {
            out.add(pad + "if " + cond(e.cond()) + ":");
            stmt(e.then(), depth + 1, out);
            out.add(pad + "else:");
            stmt(e.otherwise(), depth + 1, out);
        } else if (s instanceof Node.Repeat r) {
            out.add(pad + "for i in range(" + r.times().value() + "):");
            stmt(r.body(), depth + 1, out);
        } else if (s instanceof Node.While w) {
            out.add(pad + "while " + cond(w.cond()) + ":");
            stmt(w.body(), depth + 1, out);
        }
    }

    /** A condition as Python: {@code frontIsClear()}, {@code not front_object_type("ball")}. */
    public static String cond(Node.Cond c) {
        if (c instanceof Node.Not n) return "not " + cond(n.feature());
        Node.Feature f = (Node.Feature) c;
        return f.feature().token() + "(" + (f.argument() == null ? "" : "\"" + f.argument() + "\"") + ")";
    }
}
