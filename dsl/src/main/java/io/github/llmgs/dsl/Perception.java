package io.github.llmgs.dsl;

/** The five Karel perceptions, in the order the grammar lists them. */
public enum Perception {
    FRONT_IS_CLEAR("frontIsClear"),
    LEFT_IS_CLEAR("leftIsClear"),
    RIGHT_IS_CLEAR("rightIsClear"),
    MARKERS_PRESENT("markersPresent"),
    NO_MARKERS_PRESENT("noMarkersPresent");

    private final String token;

    Perception(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Perception fromToken(String token) {
        for (Perception p : values()) {
            if (p.token.equals(token)) {
                return p;
            }
        }
        return null;
    }
}
