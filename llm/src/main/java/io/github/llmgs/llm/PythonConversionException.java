package io.github.llmgs.llm;

/**
 * A Python answer outside the subset that maps onto the DSL. The message is
 * {@code line:col: reason}, positions 1-based within the code block that was converted.
 */
public final class PythonConversionException extends RuntimeException {

    private final int line;
    private final int column;
    private final String reason;

    public PythonConversionException(int line, int column, String reason) {
        super(line + ":" + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based line within the converted code. */
    public int line() {
        return line;
    }

    /** 1-based column (characters, a tab counting as one) within the line. */
    public int column() {
        return column;
    }

    /** The reason without the position. */
    public String reason() {
        return reason;
    }
}
