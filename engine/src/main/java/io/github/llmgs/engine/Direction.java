package io.github.llmgs.engine;

/** Hero directions as the reference numbers them: 0 north, 1 east, 2 south, 3 west. */
public final class Direction {
    public static final int NORTH = 0;
    public static final int EAST = 1;
    public static final int SOUTH = 2;
    public static final int WEST = 3;

    private static final int[] ROW_DELTA = {-1, 0, 1, 0};
    private static final int[] COL_DELTA = {0, 1, 0, -1};

    private Direction() {}

    public static int rowDelta(int dir) {
        return ROW_DELTA[dir];
    }

    public static int colDelta(int dir) {
        return COL_DELTA[dir];
    }

    public static int left(int dir) {
        return (dir + 3) & 3;
    }

    public static int right(int dir) {
        return (dir + 1) & 3;
    }

    public static char arrow(int dir) {
        return "^>v<".charAt(dir);
    }
}
