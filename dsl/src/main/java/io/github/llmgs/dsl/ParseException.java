package io.github.llmgs.dsl;

/**
 * A LEAPS program that does not parse. The position is kept separately from the message so that
 * callers (e.g. the LLM prompt loop) can point at the offending token without re-parsing text.
 */
public final class ParseException extends RuntimeException {

    private final int line;
    private final int column;

    public ParseException(int line, int column, String detail) {
        super(line + ":" + column + ": " + detail);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the offending token's first character. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending token's first character. */
    public int column() {
        return column;
    }
}
