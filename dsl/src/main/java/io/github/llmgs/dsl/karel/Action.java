package io.github.llmgs.dsl.karel;

import io.github.llmgs.dsl.ActionWord;

/** The five Karel actions, in the grammar's order, with its weights (spec/search.md section 1). */
public enum Action implements ActionWord {
    MOVE(Id.MOVE, "move", 0.5),
    TURN_LEFT(Id.TURN_LEFT, "turnLeft", 0.15),
    TURN_RIGHT(Id.TURN_RIGHT, "turnRight", 0.15),
    PUT_MARKER(Id.PUT_MARKER, "putMarker", 0.1),
    PICK_MARKER(Id.PICK_MARKER, "pickMarker", 0.1);

    /**
     * The ids as compile-time constants, for {@code switch} dispatch in the Java VM (the bytecode's
     * ACT operands); each is stated here once, the vocabulary checks it is the list position.
     */
    public static final class Id {
        public static final int MOVE = 0;
        public static final int TURN_LEFT = 1;
        public static final int TURN_RIGHT = 2;
        public static final int PUT_MARKER = 3;
        public static final int PICK_MARKER = 4;

        private Id() {}
    }

    private final int id;
    private final String token;
    private final double weight;

    Action(int id, String token, double weight) {
        this.id = id;
        this.token = token;
        this.weight = weight;
    }

    @Override
    public int id() {
        return id;
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
