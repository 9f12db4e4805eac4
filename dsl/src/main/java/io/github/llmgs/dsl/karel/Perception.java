package io.github.llmgs.dsl.karel;

import io.github.llmgs.dsl.FeatureWord;

/**
 * The five Karel perceptions (Karel's features, none takes an argument), in the grammar's order,
 * with its weights (spec/search.md section 1).
 */
public enum Perception implements FeatureWord {
    FRONT_IS_CLEAR("frontIsClear", 0.5),
    LEFT_IS_CLEAR("leftIsClear", 0.15),
    RIGHT_IS_CLEAR("rightIsClear", 0.15),
    MARKERS_PRESENT("markersPresent", 0.1),
    NO_MARKERS_PRESENT("noMarkersPresent", 0.1);

    private final String token;
    private final double weight;

    Perception(String token, double weight) {
        this.token = token;
        this.weight = weight;
    }

    @Override
    public int id() {
        return ordinal();
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public double weight() {
        return weight;
    }

    public static Perception fromToken(String token) {
        for (Perception p : values()) {
            if (p.token.equals(token)) {
                return p;
            }
        }
        return null;
    }

    /** The Karel perception a program node holds; a word of another domain is a caller's bug. */
    public static Perception of(FeatureWord word) {
        if (word instanceof Perception p) {
            return p;
        }
        throw new IllegalArgumentException("'" + word.token() + "' is not a Karel perception");
    }
}
