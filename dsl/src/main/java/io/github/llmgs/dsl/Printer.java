package io.github.llmgs.dsl;

/**
 * Writes the LEAPS token form with single spaces. The output is the canonical text programs are
 * compared, cached and sent to the LLM by, so it must match the reference byte for byte. It needs
 * no vocabulary: every action and feature in the tree carries its own token.
 */
public final class Printer {

    private Printer() {}

    public static String print(Node node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, sb);
        return sb.toString();
    }

    private static void write(Node node, StringBuilder sb) {
        // a statement list is a right-nested chain as long as the list: loop along it, recurse only into bodies
        while (node instanceof Node.Concatenate c) {
            write(c.first(), sb);
            node = c.rest();
        }
        if (node instanceof Node.Program p) {
            tok(sb, "DEF run m(");
            write(p.body(), sb);
            tok(sb, "m)");
        } else if (node instanceof Node.While w) {
            tok(sb, "WHILE");
            cond(w.cond(), sb);
            tok(sb, "w(");
            write(w.body(), sb);
            tok(sb, "w)");
        } else if (node instanceof Node.If i) {
            tok(sb, "IF");
            cond(i.cond(), sb);
            tok(sb, "i(");
            write(i.body(), sb);
            tok(sb, "i)");
        } else if (node instanceof Node.Ite i) {
            tok(sb, "IFELSE");
            cond(i.cond(), sb);
            tok(sb, "i(");
            write(i.then(), sb);
            tok(sb, "i) ELSE e(");
            write(i.otherwise(), sb);
            tok(sb, "e)");
        } else if (node instanceof Node.Repeat r) {
            tok(sb, "REPEAT");
            write(r.times(), sb);
            tok(sb, "r(");
            write(r.body(), sb);
            tok(sb, "r)");
        } else if (node instanceof Node.Act a) {
            tok(sb, a.action().token());
        } else if (node instanceof Node.Not n) {
            tok(sb, "not c(");
            write(n.feature(), sb);
            tok(sb, "c)");
        } else if (node instanceof Node.Feature f) {
            tok(sb, f.feature().token());
            if (f.argument() != null) {
                tok(sb, "h(");
                tok(sb, f.argument());
                tok(sb, "h)");
            }
        } else if (node instanceof Node.ConstInt k) {
            tok(sb, "R=" + k.value());
        } else {
            throw new IllegalArgumentException("unknown node " + node);
        }
    }

    /** A condition slot is always wrapped in {@code c( ... c)}; a Not adds its own inner pair. */
    private static void cond(Node.Cond cond, StringBuilder sb) {
        tok(sb, "c(");
        write(cond, sb);
        tok(sb, "c)");
    }

    private static void tok(StringBuilder sb, String text) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(text);
    }
}
