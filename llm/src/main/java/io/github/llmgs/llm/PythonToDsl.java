package io.github.llmgs.llm;

import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ActionWord;
import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.FeatureWord;
import io.github.llmgs.dsl.Vocabulary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts the Python subset the prompts allow into the DSL AST.
 *
 * <p>The subset: one {@code def run():} holding statements built from the five actions called
 * with {@code ()}, {@code if}/{@code else}, {@code while}, {@code for _ in range(n)} with a literal
 * n in 0..19, and conditions that are one perception call, optionally preceded by {@code not} and
 * optionally parenthesised. Comments, blank lines, docstrings, {@code pass} next to other
 * statements, simple statements after a colon or separated by {@code ;}, and a top-level
 * {@code run()} call after the definition are accepted. Everything else is rejected with the
 * line and column of the offending token.
 *
 * <p>Indentation follows Python's tokenizer: a tab advances to the next multiple of 8, and an
 * indentation whose meaning depends on the tab size (compared again with tab = 1 column) is
 * rejected as inconsistent, as Python's TabError does.
 */
public final class PythonToDsl {

    private static final Set<String> FORBIDDEN_KEYWORDS = Set.of(
            "break", "continue", "return", "import", "from", "global", "nonlocal", "lambda",
            "class", "try", "except", "finally", "with", "assert", "del", "raise", "yield",
            "async", "await", "is", "in", "match", "case");

    /** The calls a domain's Python may make, for messages: its actions, then its features. */
    private static String allowedCalls(Vocabulary v) {
        return java.util.stream.Stream.concat(v.actions().stream().map(ActionWord::token),
                v.features().stream().map(f -> f.takesArgument() ? f.token() + "(\"" + f.arguments().get(0) + "\")" : f.token()))
                .collect(Collectors.joining(", "));
    }

    private PythonToDsl() {}

    /**
     * Converts Python source to a program.
     *
     * @throws PythonConversionException with {@code line:col: reason} for anything outside the subset
     */
    public static Node.Program convert(String source) {
        return convert(source, Domains.KAREL);
    }

    /**
     * Converts Python written with a domain's actions and features; a feature with an argument
     * is called with one quoted word, {@code front_object_type("ball")}.
     */
    public static Node.Program convert(String source, Vocabulary vocabulary) {
        List<Tok> tokens = new Lexer(source).lex();
        return new ParserImpl(tokens, vocabulary).file();
    }

    // ---------------------------------------------------------------- lexer

    enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END }

    record Tok(Kind kind, String text, int line, int col) {
        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }

        boolean isName(String t) {
            return is(Kind.NAME, t);
        }

        boolean isOp(String t) {
            return is(Kind.OP, t);
        }

        String show() {
            return switch (kind) {
                case NEWLINE -> "end of line";
                case INDENT -> "indent";
                case DEDENT -> "dedent";
                case END -> "end of input";
                default -> "'" + text + "'";
            };
        }
    }

    static final class Lexer {
        private static final Set<String> TWO_CHAR_OPS = Set.of(
                "==", "!=", "<=", ">=", "->", "**", "//", "+=", "-=", "*=", "/=", "%=", ":=",
                "&=", "|=", "^=", "<<", ">>", "@=");
        private static final String ONE_CHAR_OPS = "()[]{}:,;.=<>+-*/%&|^~@!";
        private static final Set<String> STRING_PREFIXES = Set.of(
                "r", "u", "b", "f", "br", "rb", "fr", "rf");

        private final String src;
        private int pos;
        private int line = 1;
        private int lineStart;
        private final List<Tok> out = new ArrayList<>();
        private final Deque<int[]> indents = new ArrayDeque<>(); // {col with tab=8, col with tab=1}
        private final Deque<Tok> brackets = new ArrayDeque<>();

        Lexer(String source) {
            this.src = source.replace("\r\n", "\n").replace('\r', '\n');
            indents.push(new int[] {0, 0});
        }

        private int col() {
            return pos - lineStart + 1;
        }

        private char peek(int ahead) {
            int i = pos + ahead;
            return i < src.length() ? src.charAt(i) : '\0';
        }

        private boolean atEnd() {
            return pos >= src.length();
        }

        private void newline() {
            pos++;
            line++;
            lineStart = pos;
        }

        private void emit(Kind kind, String text, int l, int c) {
            out.add(new Tok(kind, text, l, c));
        }

        List<Tok> lex() {
            boolean atLineStart = true;
            while (true) {
                if (atLineStart && brackets.isEmpty()) {
                    if (!indentation()) {
                        break;
                    }
                    atLineStart = false;
                }
                if (atEnd()) {
                    break;
                }
                char c = peek(0);
                if (c == '\n') {
                    if (brackets.isEmpty()) {
                        emit(Kind.NEWLINE, "\n", line, col());
                        atLineStart = true;
                    }
                    newline();
                } else if (c == ' ' || c == '\t' || c == '\f') {
                    pos++;
                } else if (c == '#') {
                    skipComment();
                } else if (c == '\\') {
                    if (peek(1) == '\n') {
                        pos++;
                        newline();
                    } else {
                        throw new PythonConversionException(line, col(), "unexpected character '\\'");
                    }
                } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                    int l = line;
                    int start = pos;
                    int startCol = col();
                    while (!atEnd() && Character.isJavaIdentifierPart(peek(0)) && peek(0) != '$') {
                        pos++;
                    }
                    String word = src.substring(start, pos);
                    if ((peek(0) == '"' || peek(0) == '\'') && STRING_PREFIXES.contains(word.toLowerCase())) {
                        string(l, startCol, start);
                    } else {
                        emit(Kind.NAME, word, l, startCol);
                    }
                } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                    int start = pos;
                    int startCol = col();
                    while (!atEnd() && (Character.isLetterOrDigit(peek(0)) || peek(0) == '_' || peek(0) == '.')) {
                        pos++;
                    }
                    emit(Kind.NUMBER, src.substring(start, pos), line, startCol);
                } else if (c == '"' || c == '\'') {
                    string(line, col(), pos);
                } else {
                    op();
                }
            }
            if (!brackets.isEmpty()) {
                Tok open = brackets.peek();
                throw new PythonConversionException(open.line(), open.col(), "'" + open.text() + "' is never closed");
            }
            if (!out.isEmpty() && out.get(out.size() - 1).kind() != Kind.NEWLINE
                    && out.get(out.size() - 1).kind() != Kind.DEDENT) {
                emit(Kind.NEWLINE, "\n", line, col());
            }
            while (indents.size() > 1) {
                indents.pop();
                emit(Kind.DEDENT, "", line, 1);
            }
            emit(Kind.END, "", line, col());
            return out;
        }

        /**
         * Measures the indentation of a logical line and emits INDENT/DEDENT tokens. Blank and
         * comment-only lines are skipped whole. Returns false at the end of input.
         */
        private boolean indentation() {
            while (true) {
                int width = 0;
                int alt = 0;
                while (!atEnd()) {
                    char c = peek(0);
                    if (c == ' ') {
                        width++;
                        alt++;
                    } else if (c == '\t') {
                        width = (width / 8 + 1) * 8;
                        alt++;
                    } else if (c == '\f') {
                        width = 0;
                        alt = 0;
                    } else {
                        break;
                    }
                    pos++;
                }
                if (atEnd()) {
                    return false;
                }
                char c = peek(0);
                if (c == '#') {
                    skipComment();
                }
                if (atEnd()) {
                    return false;
                }
                if (peek(0) == '\n') {
                    newline();
                    continue;
                }
                int[] top = indents.peek();
                int l = line;
                int colHere = col();
                if (width > top[0]) {
                    if (alt <= top[1]) {
                        throw inconsistent(l);
                    }
                    indents.push(new int[] {width, alt});
                    emit(Kind.INDENT, "", l, colHere);
                } else if (width == top[0]) {
                    if (alt != top[1]) {
                        throw inconsistent(l);
                    }
                } else {
                    while (width < indents.peek()[0]) {
                        indents.pop();
                        emit(Kind.DEDENT, "", l, colHere);
                    }
                    if (width != indents.peek()[0]) {
                        throw new PythonConversionException(l, colHere,
                                "unindent does not match any outer indentation level");
                    }
                    if (alt != indents.peek()[1]) {
                        throw inconsistent(l);
                    }
                }
                return true;
            }
        }

        private PythonConversionException inconsistent(int l) {
            return new PythonConversionException(l, 1, "inconsistent use of tabs and spaces in indentation");
        }

        private void skipComment() {
            while (!atEnd() && peek(0) != '\n') {
                pos++;
            }
        }

        /** A string literal (kept only so that a docstring can be skipped); start is at its prefix. */
        private void string(int l, int c, int start) {
            char quote = peek(0);
            boolean triple = peek(1) == quote && peek(2) == quote;
            pos += triple ? 3 : 1;
            while (true) {
                if (atEnd()) {
                    throw new PythonConversionException(l, c, "unterminated string literal");
                }
                char ch = peek(0);
                if (ch == '\\' && pos + 1 < src.length()) {
                    if (peek(1) == '\n') {
                        pos++;
                        newline();
                    } else {
                        pos += 2;
                    }
                    continue;
                }
                if (ch == '\n') {
                    if (!triple) {
                        throw new PythonConversionException(l, c, "unterminated string literal");
                    }
                    newline();
                    continue;
                }
                if (ch == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                    pos += triple ? 3 : 1;
                    break;
                }
                pos++;
            }
            emit(Kind.STRING, src.substring(start, pos), l, c);
        }

        private void op() {
            int c = col();
            String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
            String text;
            if (TWO_CHAR_OPS.contains(two)) {
                text = two;
            } else if (ONE_CHAR_OPS.indexOf(peek(0)) >= 0) {
                text = String.valueOf(peek(0));
            } else {
                throw new PythonConversionException(line, c, "unexpected character '" + peek(0) + "'");
            }
            Tok tok = new Tok(Kind.OP, text, line, c);
            if (text.equals("(") || text.equals("[") || text.equals("{")) {
                brackets.push(tok);
            } else if (text.equals(")") || text.equals("]") || text.equals("}")) {
                if (brackets.isEmpty()) {
                    throw new PythonConversionException(line, c, "unmatched '" + text + "'");
                }
                brackets.pop();
            }
            pos += text.length();
            out.add(tok);
        }
    }

    // ---------------------------------------------------------------- parser

    static final class ParserImpl {
        private final List<Tok> toks;
        private int pos;

        private final Vocabulary vocabulary;
        private final String allowed;

        ParserImpl(List<Tok> toks, Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
            this.allowed = allowedCalls(vocabulary);
            this.toks = toks;
        }

        private Tok peek() {
            return toks.get(pos);
        }

        private Tok peek(int ahead) {
            return toks.get(Math.min(pos + ahead, toks.size() - 1));
        }

        private Tok next() {
            Tok t = toks.get(pos);
            if (t.kind() != Kind.END) {
                pos++;
            }
            return t;
        }

        private static PythonConversionException error(Tok t, String reason) {
            return new PythonConversionException(t.line(), t.col(), reason);
        }

        private Tok expectOp(String op) {
            Tok t = next();
            if (!t.isOp(op)) {
                throw unexpected(t, "'" + op + "'");
            }
            return t;
        }

        /** The most helpful message for a token that may not appear where it does. */
        private PythonConversionException unexpected(Tok t, String expected) {
            String specific = forbidden(t);
            if (specific != null) {
                return error(t, specific);
            }
            return error(t, "expected " + expected + " but found " + t.show());
        }

        /** A reason when the token is one of the constructs the subset forbids, else null. */
        private String forbidden(Tok t) {
            if (t.kind() == Kind.NAME) {
                String w = t.text();
                switch (w) {
                    case "and", "or" -> {
                        return "'" + w + "' is not allowed (a condition is one " + vocabulary.featureNoun()
                                + ", optionally with 'not')";
                    }
                    case "True", "False" -> {
                        return "'" + w + "' is not allowed (use a " + vocabulary.featureNoun() + " as the condition)";
                    }
                    case "None" -> {
                        return "'None' is not allowed";
                    }
                    case "elif" -> {
                        return "'elif' is not allowed (nest an if inside the else)";
                    }
                    default -> {
                        if (FORBIDDEN_KEYWORDS.contains(w)) {
                            return "'" + w + "' is not allowed";
                        }
                    }
                }
            } else if (t.kind() == Kind.OP) {
                switch (t.text()) {
                    case "==", "!=" -> {
                        return "'" + t.text() + "' is not allowed (no comparisons)";
                    }
                    case "<", ">", "<=", ">=" -> {
                        return "comparison '" + t.text() + "' is not allowed";
                    }
                    case "=", "+=", "-=", "*=", "/=", "%=", ":=", "&=", "|=", "^=", "@=" -> {
                        return "variables and assignments are not allowed";
                    }
                    default -> {
                        return null;
                    }
                }
            } else if (t.kind() == Kind.STRING) {
                return "string literals are not allowed";
            }
            return null;
        }

        Node.Program file() {
            skipNewlines();
            Node.Stmt body = null;
            Tok def = null;
            while (peek().kind() != Kind.END) {
                Tok t = peek();
                if (t.isName("def")) {
                    if (body != null) {
                        Tok name = peek(1);
                        throw error(name.kind() == Kind.NAME ? name : t,
                                "other functions are not allowed (only one 'def run():')");
                    }
                    def = t;
                    body = funcdef();
                } else if (body != null && t.isName("run") && peek(1).isOp("(") && peek(2).isOp(")")
                        && (peek(3).kind() == Kind.NEWLINE || peek(3).kind() == Kind.END)) {
                    // A top-level call of run() after the definition: harmless, ignored.
                    pos += 3;
                } else if (t.kind() == Kind.STRING && body == null
                        && (peek(1).kind() == Kind.NEWLINE || peek(1).kind() == Kind.END)) {
                    next(); // module docstring
                } else if (t.kind() == Kind.INDENT) {
                    throw error(t, "unexpected indent");
                } else {
                    String specific = forbidden(t);
                    throw error(t, specific != null ? specific
                            : "only 'def run():' is allowed at the top level, found " + t.show());
                }
                skipNewlines();
            }
            if (body == null) {
                throw new PythonConversionException(1, 1, "no 'def run():' found");
            }
            return new Node.Program(body);
        }

        private int nesting;
        private int parentheses;

        private void skipNewlines() {
            while (peek().kind() == Kind.NEWLINE) {
                next();
            }
        }

        private Node.Stmt funcdef() {
            Tok def = next();
            Tok name = next();
            if (name.kind() != Kind.NAME) {
                throw unexpected(name, "a function name");
            }
            if (!name.text().equals("run")) {
                throw error(name, "only 'def run():' is allowed, found function '" + name.text() + "'");
            }
            expectOp("(");
            Tok close = next();
            if (!close.isOp(")")) {
                throw error(close, "run() takes no parameters");
            }
            if (peek().isOp("->")) {
                throw error(peek(), "return annotations are not allowed");
            }
            Tok colon = expectOp(":");
            return chain(suite(), colon);
        }

        /** A block: an indented list of statements, or simple statements on the colon's line. */
        private List<Node.Stmt> suite() {
            // The DSL parser's bound, so that a hostile answer (20,000 nested ifs) is one rejection, not a stack overflow
            if (++nesting > io.github.llmgs.dsl.Parser.MAX_NESTING) {
                throw error(peek(), "nesting deeper than " + io.github.llmgs.dsl.Parser.MAX_NESTING + " levels");
            }
            try {
                return block();
            } finally {
                nesting--;
            }
        }

        private List<Node.Stmt> block() {
            List<Node.Stmt> out = new ArrayList<>();
            if (peek().kind() == Kind.NEWLINE) {
                next();
                Tok indent = next();
                if (indent.kind() != Kind.INDENT) {
                    throw error(indent, "expected an indented block");
                }
                while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.END) {
                    statement(out);
                }
                next();
            } else {
                simpleStatements(out);
            }
            return out;
        }

        private void statement(List<Node.Stmt> out) {
            Tok t = peek();
            if (t.kind() == Kind.INDENT) {
                throw error(t, "unexpected indent");
            }
            if (t.isName("if")) {
                out.add(ifStmt());
            } else if (t.isName("while")) {
                out.add(whileStmt());
            } else if (t.isName("for")) {
                out.add(forStmt());
            } else if (t.isName("else")) {
                throw error(t, "'else' without a matching 'if'");
            } else if (t.isName("def")) {
                throw error(t, "other functions are not allowed (only one 'def run():')");
            } else {
                simpleStatements(out);
            }
        }

        /** One or more simple statements separated by ';' and ended by a newline. */
        private void simpleStatements(List<Node.Stmt> out) {
            while (true) {
                Node.Stmt s = simple();
                if (s != null) {
                    out.add(s);
                }
                Tok t = peek();
                if (t.isOp(";")) {
                    next();
                    if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.END) {
                        break;
                    }
                    continue;
                }
                if (t.kind() == Kind.NEWLINE || t.kind() == Kind.END) {
                    break;
                }
                throw unexpected(t, "end of line");
            }
            if (peek().kind() == Kind.NEWLINE) {
                next();
            }
        }

        /** One simple statement; null for 'pass' and bare string literals (docstrings). */
        private Node.Stmt simple() {
            Tok t = next();
            if (t.isName("pass")) {
                passSeen = t;
                return null;
            }
            if (t.kind() == Kind.STRING && (peek().kind() == Kind.NEWLINE || peek().isOp(";")
                    || peek().kind() == Kind.END)) {
                passSeen = t;
                return null;
            }
            if (t.kind() == Kind.NUMBER) {
                throw error(t, "numbers are only allowed in range(n)");
            }
            if (t.kind() != Kind.NAME) {
                throw unexpected(t, "a statement");
            }
            String specific = forbidden(t);
            if (specific != null) {
                throw error(t, specific);
            }
            Tok after = peek();
            if (after.isOp("(")) {
                return new Node.Act(call(t, "statement"));
            }
            if (after.isOp(".")) {
                throw error(t, "attribute access '" + t.text() + "." + peek(1).text()
                        + "' is not allowed (call the actions directly, e.g. " + vocabulary.actions().get(0).token() + "())");
            }
            if (after.kind() == Kind.OP && forbidden(after) != null
                    && forbidden(after).startsWith("variables")) {
                throw error(t, "variables and assignments are not allowed ('" + t.text() + " " + after.text() + "')");
            }
            if (after.isOp(":") || after.isOp(",")) {
                throw error(t, "variables and assignments are not allowed");
            }
            if (isCallable(t.text())) {
                throw error(t, "'" + t.text() + "' must be called as " + t.text() + "()");
            }
            throw error(t, "variable '" + t.text() + "' is not allowed (no variables)");
        }

        /** The first 'pass' or docstring seen, for the error when a block holds nothing else. */
        private Tok passSeen;

        private boolean isCallable(String name) {
            return vocabulary.owns(name);
        }

        /** Parses NAME '(' ')' with NAME already consumed; returns the action (statement context). */
        private ActionWord call(Tok name, String context) {
            String n = name.text();
            ActionWord a = vocabulary.action(n);
            FeatureWord p = vocabulary.feature(n);
            if (a == null && p == null) {
                if (n.equals("run")) {
                    throw error(name, "calling run() inside run() is not allowed");
                }
                throw error(name, "unknown function '" + n + "' (allowed: " + allowed + ")");
            }
            expectOp("(");
            Tok close = next();
            if (!close.isOp(")")) {
                throw error(close, "'" + n + "' takes no arguments");
            }
            if (a == null) {
                throw error(name, vocabulary.featureNoun() + " '" + n + "()' cannot be a statement (use it in an if or while)");
            }
            return a;
        }

        private Node.Stmt ifStmt() {
            Tok kw = next();
            Node.Cond cond = condition();
            Tok colon = expectOp(":");
            Node.Stmt then = chain(suite(), colon);
            Tok t = peek();
            if (t.isName("elif")) {
                throw error(t, forbidden(t));
            }
            if (t.isName("else")) {
                next();
                Tok elseColon = expectOp(":");
                Node.Stmt otherwise = chain(suite(), elseColon);
                return new Node.Ite(cond, then, otherwise);
            }
            return new Node.If(cond, then);
        }

        private Node.Stmt whileStmt() {
            next();
            Node.Cond cond = condition();
            Tok colon = expectOp(":");
            Node.Stmt body = chain(suite(), colon);
            if (peek().isName("else")) {
                throw error(peek(), "'while ... else' is not allowed");
            }
            return new Node.While(cond, body);
        }

        private Node.Stmt forStmt() {
            Tok kw = next();
            Tok target = next();
            if (target.kind() != Kind.NAME || forbidden(target) != null
                    || target.text().equals("in") || isCallable(target.text())) {
                throw error(target, "expected a loop variable: only 'for _ in range(n):' loops are allowed");
            }
            Tok in = next();
            if (!in.isName("in")) {
                throw error(in, "only 'for _ in range(n):' loops are allowed");
            }
            Tok range = next();
            if (!range.isName("range") || !peek().isOp("(")) {
                throw error(range, "only 'for _ in range(n):' loops are allowed");
            }
            expectOp("(");
            Tok count = next();
            if (count.isOp("-") && peek().kind() == Kind.NUMBER) {
                throw error(count, "range(-" + peek().text() + ") is out of 0.." + Grammar.MAX_REPEAT);
            }
            if (count.kind() != Kind.NUMBER) {
                throw error(count, "range() takes one whole number from 0 to " + Grammar.MAX_REPEAT);
            }
            int n;
            if (!count.text().matches("[0-9]+")) {
                throw error(count, "range() takes one whole number from 0 to " + Grammar.MAX_REPEAT
                        + ", found '" + count.text() + "'");
            }
            try {
                n = Integer.parseInt(count.text());
            } catch (NumberFormatException big) {
                n = Integer.MAX_VALUE;
            }
            if (n > Grammar.MAX_REPEAT) {
                throw error(count, "range(" + count.text() + ") is out of 0.." + Grammar.MAX_REPEAT
                        + " (the DSL's REPEAT limit)");
            }
            Tok close = next();
            if (close.isOp(",")) {
                throw error(close, "range() with a start or step is not allowed; use range(n)");
            }
            if (!close.isOp(")")) {
                throw unexpected(close, "')'");
            }
            Tok colon = expectOp(":");
            Node.Stmt body = chain(suite(), colon);
            if (peek().isName("else")) {
                throw error(peek(), "'for ... else' is not allowed");
            }
            return new Node.Repeat(new Node.ConstInt(n), body);
        }

        /** {@code [not] atom} followed by nothing that would make it a compound condition. */
        private Node.Cond condition() {
            Node.Cond cond = negatable();
            Tok t = peek();
            if (!t.isOp(":") && !t.isOp(")")) {
                String specific = forbidden(t);
                if (specific != null) {
                    throw error(t, specific);
                }
                if (t.kind() == Kind.OP && "+-*/%&|^~@.[".contains(t.text())) {
                    throw error(t, "operator '" + t.text() + "' is not allowed in a condition");
                }
                throw unexpected(t, "':'");
            }
            return cond;
        }

        private Node.Cond negatable() {
            Tok t = peek();
            if (t.isName("not")) {
                next();
                Tok innerStart = peek();
                Node.Cond inner = atom();
                if (inner instanceof Node.Not) {
                    throw error(innerStart, "double negation ('not not') has no DSL equivalent");
                }
                return new Node.Not((Node.Feature) inner);
            }
            return atom();
        }

        private Node.Cond atom() {
            Tok t = next();
            if (t.isOp("(")) {
                if (++parentheses > io.github.llmgs.dsl.Parser.MAX_NESTING) {
                    throw error(t, "parentheses nested deeper than " + io.github.llmgs.dsl.Parser.MAX_NESTING + " levels");
                }
                Node.Cond inner = negatable();
                parentheses--;
                Tok close = peek();
                if (!close.isOp(")")) {
                    String specific = forbidden(close);
                    throw error(close, specific != null ? specific : "expected ')' but found " + close.show());
                }
                next();
                return inner;
            }
            if (t.isName("not")) {
                throw error(t, "double negation ('not not') has no DSL equivalent");
            }
            if (t.kind() == Kind.NUMBER) {
                throw error(t, "numbers are not allowed in conditions");
            }
            if (t.kind() != Kind.NAME) {
                throw unexpected(t, "a " + vocabulary.featureNoun() + " such as " + vocabulary.features().get(0).token() + "()");
            }
            String specific = forbidden(t);
            if (specific != null) {
                throw error(t, specific);
            }
            String n = t.text();
            if (!peek().isOp("(")) {
                if (peek().isOp(".")) {
                    throw error(t, "attribute access '" + n + "." + peek(1).text() + "' is not allowed");
                }
                if (isCallable(n)) {
                    throw error(t, "'" + n + "' must be called as " + n + "()");
                }
                throw error(t, "variable '" + n + "' is not allowed (no variables)");
            }
            FeatureWord p = vocabulary.feature(n);
            if (p == null) {
                if (vocabulary.action(n) != null) {
                    throw error(t, "action '" + n + "()' cannot be a condition");
                }
                throw error(t, "unknown function '" + n + "' (allowed: " + allowed + ")");
            }
            next();
            String argument = p.takesArgument() ? argument(t, p) : null;
            Tok close = next();
            if (!close.isOp(")")) {
                throw error(close, p.takesArgument() ? "'" + n + "' takes one quoted word, e.g. " + n + "(\""
                        + p.arguments().get(0) + "\")" : "'" + n + "' takes no arguments");
            }
            return new Node.Feature(p, argument);
        }

        /** The quoted word of {@code front_object_type("ball")}: one word, as the DSL's {@code h( ball h)}. */
        private String argument(Tok feature, FeatureWord p) {
            Tok word = next();
            String text = word.text();
            boolean quoted = word.kind() == Kind.STRING && text.length() >= 2
                    && (text.charAt(0) == '"' || text.charAt(0) == '\'') && text.charAt(text.length() - 1) == text.charAt(0);
            String inner = quoted ? text.substring(1, text.length() - 1) : null;
            if (inner == null || !inner.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(word, "'" + feature.text() + "' takes one quoted word, e.g. " + feature.text() + "(\""
                        + p.arguments().get(0) + "\")");
            }
            return inner;
        }

        /**
         * A statement list as the right-nested Concatenate chain. A block with nothing but
         * 'pass' (or a docstring) has no DSL form: DSL bodies are never empty.
         */
        private Node.Stmt chain(List<Node.Stmt> stmts, Tok where) {
            if (stmts.isEmpty()) {
                Tok at = passSeen != null ? passSeen : where;
                throw error(at, "a block with only 'pass' has no DSL equivalent (DSL bodies are never empty)");
            }
            passSeen = null;
            Node.Stmt chain = stmts.get(stmts.size() - 1);
            for (int k = stmts.size() - 2; k >= 0; k--) {
                chain = new Node.Concatenate(stmts.get(k), chain);
            }
            return chain;
        }
    }
}
