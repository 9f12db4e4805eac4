package io.github.llmgs.dsl;

import java.util.List;

/**
 * A node of the binary program AST the reference searches over. Nodes are immutable records;
 * mutation builds new trees.
 */
public sealed interface Node permits Node.Program, Node.Stmt, Node.Cond, Node.ConstInt {

    /** How much this node adds to the AST height (While, If, Ite, Repeat, Program add 1). */
    int heightContribution();

    /** Direct children, left to right (the order mutation and printing visit them). */
    List<Node> children();

    /** Statement nodes: what a statement slot can hold. */
    sealed interface Stmt extends Node permits While, If, Ite, Repeat, Concatenate, Act {}

    /** Condition nodes: what a condition slot can hold. */
    sealed interface Cond extends Node permits Not, Feature {}

    record Program(Stmt body) implements Node {
        public int heightContribution() { return 1; }
        public List<Node> children() { return List.of(body); }
    }

    record While(Cond cond, Stmt body) implements Stmt {
        public int heightContribution() { return 1; }
        public List<Node> children() { return List.of(cond, body); }
    }

    record If(Cond cond, Stmt body) implements Stmt {
        public int heightContribution() { return 1; }
        public List<Node> children() { return List.of(cond, body); }
    }

    /** IFELSE. The reference forbids a {@link Not} as its condition when sampling. */
    record Ite(Cond cond, Stmt then, Stmt otherwise) implements Stmt {
        public int heightContribution() { return 1; }
        public List<Node> children() { return List.of(cond, then, otherwise); }
    }

    record Repeat(ConstInt times, Stmt body) implements Stmt {
        public int heightContribution() { return 1; }
        public List<Node> children() { return List.of(times, body); }
    }

    /** A statement list as a right-nested chain; {@code first} is never itself a Concatenate. */
    record Concatenate(Stmt first, Stmt rest) implements Stmt {
        public Concatenate {
            if (first instanceof Concatenate) {
                throw new IllegalArgumentException("a Concatenate's first child may not be a Concatenate");
            }
        }
        public int heightContribution() { return 0; }
        public List<Node> children() { return List.of(first, rest); }
    }

    /** An action of the program's domain ({@link Vocabulary#actions}). */
    record Act(ActionWord action) implements Stmt {
        public int heightContribution() { return 0; }
        public List<Node> children() { return List.of(); }
    }

    /** {@code not c( h c)}: its child is always a feature, never another Not. */
    record Not(Feature feature) implements Cond {
        public int heightContribution() { return 0; }
        public List<Node> children() { return List.of(feature); }
    }

    /**
     * A feature of the program's domain ({@link Vocabulary#features}) with its argument, if it
     * takes one: {@code front_object_type h( ball h)} is one node. The argument is null for a
     * feature without one, and otherwise any single word (the reference compares it literally).
     */
    record Feature(FeatureWord feature, String argument) implements Cond {
        public Feature {
            if (feature.takesArgument() != (argument != null)) {
                throw new IllegalArgumentException("'" + feature.token() + "' takes "
                        + (feature.takesArgument() ? "an argument" : "no argument") + ", given " + argument);
            }
            if (argument != null && (argument.isEmpty() || argument.codePoints().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("an argument is one word, not '" + argument + "'");
            }
        }

        /** A feature without an argument. */
        public Feature(FeatureWord feature) {
            this(feature, null);
        }

        public int heightContribution() { return 0; }
        public List<Node> children() { return List.of(); }
    }

    /** The count of a REPEAT, 0..19. */
    record ConstInt(int value) implements Node {
        public int heightContribution() { return 0; }
        public List<Node> children() { return List.of(); }
    }
}
