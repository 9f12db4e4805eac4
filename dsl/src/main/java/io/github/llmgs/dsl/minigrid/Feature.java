package io.github.llmgs.dsl.minigrid;

import io.github.llmgs.dsl.FeatureWord;
import java.util.List;

/**
 * The four MiniGrid features, in the grammar's order, with its weights (spec/search.md section
 * 5). Two take an argument, written {@code front_object_type h( ball h)}: the grammar draws it
 * uniformly from the list here; the parser accepts any word (spec/minigrid.md section 9.1).
 */
public enum Feature implements FeatureWord {
    FRONT_IS_CLEAR("front_is_clear", 0.125, List.of(), List.of()),
    FRONT_OBJECT_TYPE("front_object_type", 0.5, List.of("lava", "door", "ball", "box"), List.of(
            "unseen", "empty", "wall", "floor", "door", "key", "ball", "box", "goal", "lava", "agent")),
    FRONT_OBJECT_COLOR("front_object_color", 0.25, List.of("red", "blue"), List.of(
            "red", "green", "blue", "purple", "yellow", "grey")),
    IS_CARRYING_OBJECT("is_carrying_object", 0.125, List.of(), List.of());

    private final String token;
    private final double weight;
    private final List<String> arguments;
    private final List<String> argumentValues;

    Feature(String token, double weight, List<String> arguments, List<String> argumentValues) {
        this.token = token;
        this.weight = weight;
        this.arguments = arguments;
        this.argumentValues = argumentValues;
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

    @Override
    public List<String> arguments() {
        return arguments;
    }

    /**
     * minigrid's {@code OBJECT_TO_IDX} and {@code COLOR_TO_IDX} names in index order, so a word's
     * value is the type or colour index the world's cells hold.
     */
    @Override
    public List<String> argumentValues() {
        return argumentValues;
    }

    /** The MiniGrid feature a program node holds; a word of another domain is a caller's bug. */
    public static Feature of(FeatureWord word) {
        if (word instanceof Feature f) {
            return f;
        }
        throw new IllegalArgumentException("'" + word.token() + "' is not a MiniGrid feature");
    }
}
