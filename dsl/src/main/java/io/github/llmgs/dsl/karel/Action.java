package io.github.llmgs.dsl.karel;

import io.github.llmgs.dsl.ActionWord;

/** The five Karel actions, in the grammar's order, with its weights (spec/search.md section 1). */
public enum Action implements ActionWord {
    MOVE("move", 0.5),
    TURN_LEFT("turnLeft", 0.15),
    TURN_RIGHT("turnRight", 0.15),
    PUT_MARKER("putMarker", 0.1),
    PICK_MARKER("pickMarker", 0.1);

    private final String token;
    private final double weight;

    Action(String token, double weight) {
        this.token = token;
        this.weight = weight;
    }

    @Override
    public int id() {
        return ordinal();
    }

    /** The LEAPS token, e.g. {@code turnLeft}. */
    @Override
    public String token() {
        return token;
    }

    @Override
    public double weight() {
        return weight;
    }

    public static Action fromToken(String token) {
        for (Action a : values()) {
            if (a.token.equals(token)) {
                return a;
            }
        }
        return null;
    }

    /** The Karel action a program node holds; a word of another domain is a caller's bug. */
    public static Action of(ActionWord word) {
        if (word instanceof Action a) {
            return a;
        }
        throw new IllegalArgumentException("'" + word.token() + "' is not a Karel action");
    }
}
