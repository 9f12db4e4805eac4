package io.github.llmgs.engine;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One Karel world during an episode: walls, marker counts, the hero, the call counter and the
 * crash flag (spec/karel.md section 2). The world is not crashable and uses LEAPS behaviour:
 * a blocked move turns the hero around.
 *
 * <p>Reward inputs (marker total, cells over one marker) and the marker part of the WHILE state
 * key are kept incrementally so that neither a reward function nor a WHILE check scans the grid.
 * The OpenCL kernel keeps the same fields with the same helper names.
 */
public final class World {
    public static final int MAX_MARKERS = 10;

    /** Multiplier of the polynomial hash streamed over the state key's decimal digits. */
    public static final long KEY_BASE = 0x9E3779B97F4A7C15L;

    public final int rows;
    public final int cols;
    public final boolean[] wall;
    public final byte[] markers;
    public int row;
    public int col;
    public int dir;
    public int numCalls;
    public int maxCalls;
    public boolean crashed;

    private int markerTotal;
    private int cellsOverOne;
    private int cellsAtTen;
    /** Hash of the marker digits as if every count were one digit; exact while cellsAtTen == 0. */
    private long markerDigitsHash;
    private final long[] keyBasePowers;
    /** The marker counts of instances loaded before, by identity; a few thousand at most. */
    private final Map<TaskInstance, long[]> loaded = new IdentityHashMap<>();
    private static final int LOADED = 4096;

    public World(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.wall = new boolean[rows * cols];
        this.markers = new byte[rows * cols];
        this.keyBasePowers = new long[2 * rows * cols + 8];
        keyBasePowers[0] = 1;
        for (int i = 1; i < keyBasePowers.length; i++) {
            keyBasePowers[i] = keyBasePowers[i - 1] * KEY_BASE;
        }
    }

    /** Resets this world to an instance's initial state, without allocating. */
    public void load(TaskInstance instance, int maxCalls) {
        System.arraycopy(instance.walls(), 0, wall, 0, wall.length);
        System.arraycopy(instance.markers(), 0, markers, 0, markers.length);
        row = instance.heroRow();
        col = instance.heroCol();
        dir = instance.heroDir();
        numCalls = 0;
        this.maxCalls = maxCalls;
        crashed = false;
        long[] counts = loaded.get(instance);
        if (counts == null) {
            recountMarkers();
            if (loaded.size() >= LOADED) loaded.clear();
            loaded.put(instance, new long[] {markerTotal, cellsOverOne, cellsAtTen, markerDigitsHash});
        } else {
            // a batch runs every program on the same instances: their counts are known
            markerTotal = (int) counts[0];
            cellsOverOne = (int) counts[1];
            cellsAtTen = (int) counts[2];
            markerDigitsHash = counts[3];
        }
    }

    private void recountMarkers() {
        markerTotal = 0;
        cellsOverOne = 0;
        cellsAtTen = 0;
        markerDigitsHash = 0;
        int n = markers.length;
        for (int cell = 0; cell < n; cell++) {
            int m = markers[cell];
            markerTotal += m;
            if (m > 1) cellsOverOne++;
            if (m == MAX_MARKERS) cellsAtTen++;
            markerDigitsHash += (m + 1) * keyBasePowers[n - 1 - cell];
        }
    }

    public int cell(int r, int c) {
        return r * cols + c;
    }

    public int heroCell() {
        return row * cols + col;
    }

    // ---- calls and crash ----

    /** Every executed action and every perception costs one call; crossing the limit crashes. */
    public void countCall() {
        numCalls++;
        if (numCalls > maxCalls) {
            crashed = true;
        }
    }

    // ---- perceptions (no call counting here: the interpreter counts) ----

    public boolean isClear(int r, int c) {
        return r >= 0 && r < rows && c >= 0 && c < cols && !wall[r * cols + c];
    }

    public boolean frontIsClear() {
        return isClear(row + Direction.rowDelta(dir), col + Direction.colDelta(dir));
    }

    public boolean leftIsClear() {
        int d = Direction.left(dir);
        return isClear(row + Direction.rowDelta(d), col + Direction.colDelta(d));
    }

    public boolean rightIsClear() {
        int d = Direction.right(dir);
        return isClear(row + Direction.rowDelta(d), col + Direction.colDelta(d));
    }

    public boolean markersPresent() {
        return markers[heroCell()] > 0;
    }

    public boolean noMarkersPresent() {
        return markers[heroCell()] == 0;
    }

    // ---- actions ----

    /** LEAPS move: into a clear cell unless crashed, else turn around. */
    public void move() {
        int r = row + Direction.rowDelta(dir);
        int c = col + Direction.colDelta(dir);
        if (!crashed && isClear(r, c)) {
            row = r;
            col = c;
        } else {
            dir = (dir + 2) & 3;
        }
    }

    public void turnLeft() {
        dir = Direction.left(dir);
    }

    public void turnRight() {
        dir = Direction.right(dir);
    }

    public void putMarker() {
        addMarker(heroCell());
    }

    public void pickMarker() {
        removeMarker(heroCell());
    }

    /** Adds one marker unless the cell already holds the maximum of 10. */
    public void addMarker(int cell) {
        int m = markers[cell];
        if (m < MAX_MARKERS) {
            setMarkers(cell, m + 1);
        }
    }

    /** Removes one marker unless the cell is empty. */
    public void removeMarker(int cell) {
        int m = markers[cell];
        if (m > 0) {
            setMarkers(cell, m - 1);
        }
    }

    private void setMarkers(int cell, int now) {
        int before = markers[cell];
        markers[cell] = (byte) now;
        markerTotal += now - before;
        cellsOverOne += (now > 1 ? 1 : 0) - (before > 1 ? 1 : 0);
        cellsAtTen += (now == MAX_MARKERS ? 1 : 0) - (before == MAX_MARKERS ? 1 : 0);
        markerDigitsHash += (long) (now - before) * keyBasePowers[markers.length - 1 - cell];
    }

    public int markerTotal() {
        return markerTotal;
    }

    public boolean anyCellOverOne() {
        return cellsOverOne > 0;
    }

    // ---- WHILE state key ----

    /**
     * The reference's state key as a string: decimal digits of row, col, dir, then every cell's
     * marker count, row-major, with no separators. Walls are not part of it. The tree-walking
     * oracle compares these strings directly.
     */
    public String stateDigits() {
        StringBuilder sb = new StringBuilder(markers.length + 8);
        sb.append(row).append(col).append(dir);
        for (byte m : markers) {
            sb.append((int) m);
        }
        return sb.toString();
    }

    /**
     * A 64-bit polynomial hash of {@link #stateDigits()}, computed without building the string:
     * equal strings give equal keys, so the reference's digit-string collisions are reproduced.
     */
    public long stateKey() {
        long heroHash = 0;
        heroHash = appendDigits(heroHash, row);
        heroHash = appendDigits(heroHash, col);
        heroHash = heroHash * KEY_BASE + (dir + 1);
        if (cellsAtTen == 0) {
            return heroHash * keyBasePowers[markers.length] + markerDigitsHash;
        }
        long h = heroHash;
        for (byte m : markers) {
            h = appendDigits(h, m);
        }
        return h;
    }

    /** Streams the decimal digits of a non-negative value; digit d hashes as d + 1. */
    static long appendDigits(long h, int value) {
        if (value >= 10) {
            h = h * KEY_BASE + (value / 10 + 1);
        }
        return h * KEY_BASE + (value % 10 + 1);
    }

    public void setWall(int cell, boolean isWall) {
        wall[cell] = isWall;
    }

    /** ASCII picture: '#' wall, '.' empty, 1-9 markers, 'A' ten; the hero as ^ > v < . */
    public String toAscii() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int cell = r * cols + c;
                char ch = wall[cell] ? '#' : markerChar(markers[cell]);
                if (r == row && c == col) {
                    ch = Direction.arrow(dir);
                }
                sb.append(ch);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static char markerChar(int m) {
        return m == 0 ? '.' : m == 10 ? 'A' : (char) ('0' + m);
    }
}
