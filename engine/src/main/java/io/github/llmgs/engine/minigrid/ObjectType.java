package io.github.llmgs.engine.minigrid;

/**
 * minigrid's object types as their encode indices (spec/minigrid.md section 2), kept as ints so
 * the world's cell arrays hold them directly. {@link #NONE} marks "carrying nothing".
 */
public final class ObjectType {
    public static final int NONE = 0;
    public static final int EMPTY = 1;
    public static final int WALL = 2;
    public static final int FLOOR = 3;
    public static final int DOOR = 4;
    public static final int KEY = 5;
    public static final int BALL = 6;
    public static final int BOX = 7;
    public static final int GOAL = 8;
    public static final int LAVA = 9;

    private static final String[] NAMES = {"none", "empty", "wall", "floor", "door", "key", "ball", "box", "goal",
            "lava"};
    /** First glyph character per type; doors are drawn by state instead. */
    private static final char[] GLYPHS = {'?', '.', 'W', 'F', 'D', 'K', 'A', 'B', 'G', 'V'};

    public static final int DOOR_OPEN = 0;
    public static final int DOOR_CLOSED = 1;
    public static final int DOOR_LOCKED = 2;

    private ObjectType() {}

    /** How many there are: indices 0 .. count() - 1. */
    public static int count() {
        return NAMES.length;
    }

    public static String name(int type) {
        return NAMES[type];
    }

    /**
     * The type a DSL word names, or -1. The reference compares the word literally, so any other
     * word (a colour, a typo) is simply never equal to an object's type.
     */
    public static int byName(String word) {
        for (int t = EMPTY; t < NAMES.length; t++) {
            if (NAMES[t].equals(word)) return t;
        }
        return -1;
    }

    /** Whether the agent may stand on it: goal, lava, floor, an open door (an empty cell too). */
    public static boolean canOverlap(int type, int state) {
        return type == EMPTY || type == GOAL || type == LAVA || type == FLOOR
                || (type == DOOR && state == DOOR_OPEN);
    }

    public static boolean canPickup(int type) {
        return type == KEY || type == BALL || type == BOX;
    }

    static char glyph(int type, int state) {
        if (type == DOOR) {
            return state == DOOR_OPEN ? 'O' : state == DOOR_LOCKED ? 'L' : 'D';
        }
        return GLYPHS[type];
    }
}
