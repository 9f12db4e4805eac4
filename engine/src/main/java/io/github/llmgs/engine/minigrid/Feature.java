package io.github.llmgs.engine.minigrid;

/**
 * The DSL's boolean features (spec/minigrid.md section 7). The parameterised ones take an
 * object type or colour index (-1 for a word that names neither, which is never true).
 */
public enum Feature {
    FRONT_IS_CLEAR("front_is_clear", false),
    FRONT_OBJECT_TYPE("front_object_type", true),
    FRONT_OBJECT_COLOR("front_object_color", true),
    IS_CARRYING_OBJECT("is_carrying_object", false);

    private static final Feature[] ALL = values();
    private final String word;
    private final boolean parameterised;

    Feature(String word, boolean parameterised) {
        this.word = word;
        this.parameterised = parameterised;
    }

    public String word() {
        return word;
    }

    public boolean parameterised() {
        return parameterised;
    }

    public static Feature byWord(String word) {
        for (Feature f : ALL) {
            if (f.word.equals(word)) return f;
        }
        throw new IllegalArgumentException("not a MiniGrid feature: " + word);
    }

    /** The argument index for a word inside {@code h( ... h)}: a type, a colour, or -1. */
    public int argument(String word) {
        return switch (this) {
            case FRONT_OBJECT_TYPE -> ObjectType.byName(word);
            case FRONT_OBJECT_COLOR -> Color.byName(word);
            default -> throw new IllegalArgumentException(this.word + " takes no argument");
        };
    }
}
