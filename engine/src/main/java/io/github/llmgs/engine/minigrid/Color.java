package io.github.llmgs.engine.minigrid;

/** minigrid's colours as their encode indices, and the sorted list random colours come from. */
public final class Color {
    public static final int RED = 0;
    public static final int GREEN = 1;
    public static final int BLUE = 2;
    public static final int PURPLE = 3;
    public static final int YELLOW = 4;
    public static final int GREY = 5;

    private static final String[] NAMES = {"red", "green", "blue", "purple", "yellow", "grey"};
    private static final char[] GLYPHS = {'r', 'g', 'b', 'p', 'y', 'e'};

    /** {@code sorted(COLOR_NAMES)}: what {@code _rand_elem} indexes into. */
    public static final int[] SORTED = {BLUE, GREEN, GREY, PURPLE, RED, YELLOW};

    private Color() {}

    /** How many there are: indices 0 .. count() - 1. */
    public static int count() {
        return NAMES.length;
    }

    public static String name(int color) {
        return NAMES[color];
    }

    /** The colour a DSL word names, or -1 (compared literally, as the reference does). */
    public static int byName(String word) {
        for (int c = 0; c < NAMES.length; c++) {
            if (NAMES[c].equals(word)) return c;
        }
        return -1;
    }

    static char glyph(int color) {
        return GLYPHS[color];
    }
}
