package io.github.llmgs.dsl;

/**
 * An action of a domain's {@link Vocabulary}. Each domain lists its actions as an enum
 * implementing this, so its own code can switch over them while the shared code (AST, parser,
 * printer, grammar) sees only the data.
 */
public interface ActionWord {

    /** Position in the vocabulary's action list, which is also the grammar's option order. */
    int id();

    /** The program text, e.g. {@code turnLeft}. */
    String token();

    /** The grammar's weight for this action when an action slot is drawn. */
    double weight();
}
