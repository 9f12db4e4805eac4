package io.github.llmgs.dsl;

import io.github.llmgs.dsl.karel.Karel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for LEAPS token programs ({@code DEF run m( ... m)}) of one domain:
 * the program shapes are common, the actions and features come from the domain's
 * {@link Vocabulary} (Karel where none is given). A word of another domain is an unknown token,
 * and the error says which domain it belongs to.
 *
 * <p>Tokens may be separated by any whitespace, including newlines, because LLM answers are not
 * reliably single-spaced; positions in errors are reported against the original text.
 *
 * <p>Input is bounded ({@link #MAX_NESTING}, {@link #MAX_TOKENS}) so that a hostile or runaway
 * file is a one-line error, and so that every recursive walk over a parsed tree (printer, limits,
 * compiler, interpreters, mutation) recurses at most {@link #MAX_NESTING} bodies deep; statement
 * lists, however long, are walked in loops.
 */
public final class Parser {
    /** Bodies (WHILE, IF, IFELSE, REPEAT) nested deeper than this are refused. */
    public static final int MAX_NESTING = 100;
    /** Far more tokens than any program the engine can run (a few hundred); bounds parse time and memory. */
    public static final int MAX_TOKENS = 100_000;
    /** A UTF-8 byte-order mark some editors write at the start of a file; it is not part of the program. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final Set<String> KEYWORDS = Set.of(
            "DEF", "run", "m(", "m)", "WHILE", "IF", "IFELSE", "ELSE", "REPEAT", "not",
            "c(", "c)", "w(", "w)", "i(", "i)", "e(", "e)", "r(", "r)");

    /** Brackets of a feature's argument, {@code front_object_type h( ball h)}: syntax only where some feature takes one. */
    private static final Set<String> ARGUMENT_BRACKETS = Set.of("h(", "h)");

    private static final Set<String> OPENERS = Set.of("WHILE", "IF", "IFELSE", "REPEAT");

    private record Token(String text, int line, int column) {}

    private final String source;
    private final Vocabulary vocabulary;
    private int at;
    private int line = 1;
    private int column = 1;
    /** Just past the last token scanned: where end-of-input errors point, where the missing token belongs. */
    private int endLine = 1;
    private int endColumn = 1;
    private int scanned;
    private Token lookahead;
    private int depth;

    private Parser(String source, Vocabulary vocabulary) {
        this.source = source;
        this.vocabulary = vocabulary;
        this.at = !source.isEmpty() && source.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    }

    /**
     * The next whitespace-separated token, or null at the end. Tokens are scanned as the parser
     * asks for them, so a bound the parser checks (nesting) fires where it is broken, before a
     * bound on the whole input would.
     */
    private Token scan() {
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
            char ch = source.charAt(at);
            if (ch == '\n') {
                line++;
                column = 1;
            } else if (ch == '\r') {
                // A lone CR is a line break too; CRLF counts once, via the LF.
                if (at + 1 >= source.length() || source.charAt(at + 1) != '\n') {
                    line++;
                    column = 1;
                }
            } else {
                column++;
            }
            at++;
        }
        if (at == source.length()) {
            return null;
        }
        int start = at;
        int startColumn = column;
        while (at < source.length() && !Character.isWhitespace(source.charAt(at))) {
            at++;
            column++;
        }
        if (scanned == MAX_TOKENS) {
            throw new ParseException(line, startColumn, "more than " + MAX_TOKENS + " tokens; a program may have at most "
                    + MAX_TOKENS);
        }
        scanned++;
        endLine = line;
        endColumn = column;
        return new Token(source.substring(start, at), line, startColumn);
    }

    /** Parses a whole Karel program; trailing tokens after the closing {@code m)} are an error. */
    public static Node.Program parse(String source) {
        return parse(source, Karel.VOCABULARY);
    }

    /** Parses a whole program of {@code vocabulary}'s domain; trailing tokens after the closing {@code m)} are an error. */
    public static Node.Program parse(String source, Vocabulary vocabulary) {
        Parser p = new Parser(source, vocabulary);
        Node.Program program = p.program();
        Token t = p.peek();
        if (t != null) {
            throw p.error(t, "unexpected token '" + t.text() + "' after the closing 'm)'");
        }
        return program;
    }

    private Node.Program program() {
        expect("DEF");
        expect("run");
        expect("m(");
        Node.Stmt body = statements("m)");
        expect("m)");
        return new Node.Program(body);
    }

    /** One or more statements up to (not including) {@code closer}, as a right-nested chain. */
    private Node.Stmt statements(String closer) {
        List<Node.Stmt> list = new ArrayList<>();
        list.add(statement("a statement"));
        while (true) {
            Token t = peek();
            if (t == null) {
                throw endOfInput("'" + closer + "'");
            }
            if (t.text().equals(closer)) {
                break;
            }
            list.add(statement("a statement or '" + closer + "'"));
        }
        Node.Stmt chain = list.get(list.size() - 1);
        for (int k = list.size() - 2; k >= 0; k--) {
            chain = new Node.Concatenate(list.get(k), chain);
        }
        return chain;
    }

    private Node.Stmt statement(String expected) {
        Token t = next(expected);
        if (OPENERS.contains(t.text())) {
            if (depth == MAX_NESTING) {
                throw error(t, "nesting deeper than " + MAX_NESTING + " levels");
            }
            depth++;
            Node.Stmt s = body(t);
            depth--;
            return s;
        }
        ActionWord a = vocabulary.action(t.text());
        if (a == null) {
            throw unexpected(t, expected);
        }
        return new Node.Act(a);
    }

    /** A statement with a body, its opening keyword {@code t} already read. */
    private Node.Stmt body(Token t) {
        switch (t.text()) {
            case "WHILE": {
                Node.Cond cond = condition();
                expect("w(");
                Node.Stmt body = statements("w)");
                expect("w)");
                return new Node.While(cond, body);
            }
            case "IF": {
                Node.Cond cond = condition();
                expect("i(");
                Node.Stmt body = statements("i)");
                expect("i)");
                return new Node.If(cond, body);
            }
            case "IFELSE": {
                Node.Cond cond = condition();
                expect("i(");
                Node.Stmt then = statements("i)");
                expect("i)");
                expect("ELSE");
                expect("e(");
                Node.Stmt otherwise = statements("e)");
                expect("e)");
                return new Node.Ite(cond, then, otherwise);
            }
            case "REPEAT": {
                Node.ConstInt times = repeatCount();
                expect("r(");
                Node.Stmt body = statements("r)");
                expect("r)");
                return new Node.Repeat(times, body);
            }
            default:
                throw new IllegalStateException("not a body keyword: " + t.text());
        }
    }

    /** {@code c( feature c)} or {@code c( not c( feature c) c)}. */
    private Node.Cond condition() {
        expect("c(");
        Token t = next("a condition");
        Node.Cond cond;
        if (t.text().equals("not")) {
            expect("c(");
            String expected = "a " + vocabulary.featureNoun() + " (a 'not' cannot hold another 'not')";
            cond = new Node.Not(feature(next(expected), expected));
            expect("c)");
        } else {
            cond = feature(t, "a condition");
        }
        expect("c)");
        return cond;
    }

    /** A feature, its token {@code t} already read, with {@code h( word h)} if it takes an argument. */
    private Node.Feature feature(Token t, String expected) {
        FeatureWord f = vocabulary.feature(t.text());
        if (f == null) {
            throw unexpected(t, expected);
        }
        if (!f.takesArgument()) {
            return new Node.Feature(f);
        }
        expect("h(");
        String what = "the argument of '" + f.token() + "'";
        Token argument = next(what);
        if (isStructural(argument.text())) {
            throw error(argument, "expected " + what + " but found '" + argument.text() + "'");
        }
        expect("h)");
        return new Node.Feature(f, argument.text());
    }

    private Node.ConstInt repeatCount() {
        Token t = next("a REPEAT count 'R=n'");
        String text = t.text();
        if (!text.startsWith("R=")) {
            throw unexpected(t, "a REPEAT count 'R=n'");
        }
        String digits = text.substring(2);
        if (!digits.matches("-?[0-9]+")) {
            throw error(t, "malformed REPEAT count '" + text + "'");
        }
        int value;
        try {
            value = Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            throw error(t, "REPEAT count " + digits + " out of range 0..19");
        }
        if (value < 0 || value > Grammar.MAX_REPEAT) {
            throw error(t, "REPEAT count " + value + " out of range 0.." + Grammar.MAX_REPEAT);
        }
        return new Node.ConstInt(value);
    }

    private void expect(String text) {
        Token t = next("'" + text + "'");
        if (!t.text().equals(text)) {
            throw unexpected(t, "'" + text + "'");
        }
    }

    private Token peek() {
        if (lookahead == null) {
            lookahead = scan();
        }
        return lookahead;
    }

    private Token next(String expected) {
        Token t = peek();
        if (t == null) {
            throw endOfInput(expected);
        }
        lookahead = null;
        return t;
    }

    private boolean isStructural(String text) {
        return KEYWORDS.contains(text) || (vocabulary.hasArguments() && ARGUMENT_BRACKETS.contains(text));
    }

    private boolean isKnown(String text) {
        return isStructural(text) || text.startsWith("R=") || vocabulary.owns(text);
    }

    /**
     * A token outside the vocabulary is reported as such: "expected X" would mislead there. A
     * word of another domain says so, since that is most likely a program given to the wrong task.
     */
    private ParseException unexpected(Token t, String expected) {
        if (!isKnown(t.text())) {
            String detail = "unknown token '" + t.text() + "'";
            for (Vocabulary other : Domains.owning(t.text(), vocabulary)) {
                String kind = other.action(t.text()) != null ? "action" : other.featureNoun();
                return error(t, detail + " (a " + other.domain() + " " + kind + "; this is a "
                        + vocabulary.domain() + " program)");
            }
            return error(t, detail);
        }
        return error(t, "expected " + expected + " but found '" + t.text() + "'");
    }

    private ParseException endOfInput(String expected) {
        return new ParseException(endLine, endColumn, "unexpected end of input, expected " + expected);
    }

    private ParseException error(Token t, String detail) {
        return new ParseException(t.line(), t.column(), detail);
    }
}
