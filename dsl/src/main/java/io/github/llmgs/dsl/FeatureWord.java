package io.github.llmgs.dsl;

import java.util.List;

/**
 * A boolean feature of a domain's {@link Vocabulary} (Karel calls them perceptions). A feature
 * may take an argument, written {@code front_object_type h( ball h)}; the feature and its
 * argument are one AST node ({@link Node.Feature}).
 */
public interface FeatureWord {

    /** Position in the vocabulary's feature list, which is also the grammar's option order. */
    int id();

    /** The program text, e.g. {@code frontIsClear}. */
    String token();

    /** The grammar's weight for this feature when a feature slot is drawn. */
    double weight();

    /**
     * The words the grammar draws the argument from, uniformly, in draw order; empty for a
     * feature without an argument. The parser accepts any other word too (the reference compares
     * it literally), so this list bounds sampling, not parsing.
     */
    default List<String> arguments() {
        return List.of();
    }

    /**
     * The words the domain's world tells apart for this feature's argument, each standing for its
     * position (its value): the bytecode carries a word as its value, and a word not listed here
     * names nothing, so the feature is never true for it. By default the grammar's words.
     */
    default List<String> argumentValues() {
        return arguments();
    }

    default boolean takesArgument() {
        return !arguments().isEmpty();
    }
}
