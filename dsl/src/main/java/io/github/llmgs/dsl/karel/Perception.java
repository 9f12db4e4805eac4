package io.github.llmgs.dsl.karel;

import io.github.llmgs.dsl.FeatureWord;

/**
 * The five Karel perceptions (Karel's features, none takes an argument), in the grammar's order,
 * with its weights (spec/search.md section 1).
 */
public enum Perception implements FeatureWord {
    FRONT_IS_CLEAR(Id.FRONT_IS_CLEAR, "frontIsClear", 0.5),
    LEFT_IS_CLEAR(Id.LEFT_IS_CLEAR, "leftIsClear", 0.15),
    RIGHT_IS_CLEAR(Id.RIGHT_IS_CLEAR, "rightIsClear", 0.15),
    MARKERS_PRESENT(Id.MARKERS_PRESENT, "markersPresent", 0.1),
    NO_MARKERS_PRESENT(Id.NO_MARKERS_PRESENT, "noMarkersPresent", 0.1);

    /**
     * The ids as compile-time constants, for {@code switch} dispatch in the Java VM (the bytecode's
     * condition operands); each is stated here once, the vocabulary checks it is the list position.
     */
    public static final class Id {
        public static final int FRONT_IS_CLEAR = 0;
        public static final int LEFT_IS_CLEAR = 1;
        public static final int RIGHT_IS_CLEAR = 2;
        public static final int MARKERS_PRESENT = 3;
        public static final int NO_MARKERS_PRESENT = 4;

        private Id() {}
    }

    private final int id;
    private final String token;
    private final double weight;

    Perception(int id, String token, double weight) {
        this.id = id;
        this.token = token;
        this.weight = weight;
    }

    @Override
    public int id() {
        return id;
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
