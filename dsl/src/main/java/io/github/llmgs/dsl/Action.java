package io.github.llmgs.dsl;

/** The five Karel actions, in the order the grammar lists them. */
public enum Action {
    MOVE("move"),
    TURN_LEFT("turnLeft"),
    TURN_RIGHT("turnRight"),
    PUT_MARKER("putMarker"),
    PICK_MARKER("pickMarker");

    private final String token;

    Action(String token) {
        this.token = token;
    }

    /** The LEAPS token, e.g. {@code turnLeft}. */
    public String token() {
        return token;
    }

    public static Action fromToken(String token) {
        for (Action a : values()) {
            if (a.token.equals(token)) {
                return a;
            }
        }
        return null;
    }
}
