package io.github.llmgs.search.ui;

import java.util.Set;

/**
 * A program in the LEAPS token form laid out one statement per line, bodies indented. It works
 * on tokens, not on a parsed tree, so it needs no vocabulary (Karel and MiniGrid alike) and
 * shows even a program this build cannot parse. Conditions ({@code c( ... c)}, {@code h( ... h)})
 * stay on their statement's line.
 */
public final class ProgramLayout {
    private static final Set<String> OPEN = Set.of("m(", "w(", "i(", "e(", "r(");
    private static final Set<String> CLOSE = Set.of("m)", "w)", "i)", "e)", "r)");
    private static final String INDENT = "  ";

    private ProgramLayout() {}

    public static String indent(String program) {
        if (program == null || program.isBlank()) return "";
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int depth = 0;
        int conditions = 0;
        String[] tokens = program.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.equals("c(") || t.equals("h(")) conditions++;
            if ((t.equals("c)") || t.equals("h)")) && conditions > 0) conditions--;
            if (CLOSE.contains(t) && conditions == 0) {
                flush(out, line, depth);
                depth = Math.max(0, depth - 1);
                line.append(t);
                // "i) ELSE e(" reads as one line, as the DSL is usually written
                if (t.equals("i)") && i + 2 < tokens.length && tokens[i + 1].equals("ELSE") && tokens[i + 2].equals("e(")) {
                    line.append(" ELSE e(");
                    i += 2;
                    flush(out, line, depth);
                    depth++;
                    continue;
                }
                flush(out, line, depth);
                continue;
            }
            if (line.length() > 0) line.append(' ');
            line.append(t);
            if (OPEN.contains(t) && conditions == 0) {
                flush(out, line, depth);
                depth++;
            } else if (conditions == 0 && !startsStatement(t) && !t.equals("c)") && !t.equals("h)")) {
                flush(out, line, depth);
            }
        }
        flush(out, line, depth);
        return out.toString();
    }

    /** Tokens that begin a statement whose line goes on (a loop or branch head, a repeat count). */
    private static boolean startsStatement(String t) {
        return t.equals("DEF") || t.equals("run") || t.equals("WHILE") || t.equals("IF") || t.equals("IFELSE")
                || t.equals("REPEAT") || t.startsWith("R=") || t.equals("ELSE");
    }

    private static void flush(StringBuilder out, StringBuilder line, int depth) {
        if (line.length() == 0) return;
        out.append(INDENT.repeat(depth)).append(line).append('\n');
        line.setLength(0);
    }
}
