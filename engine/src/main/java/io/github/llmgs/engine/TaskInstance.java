package io.github.llmgs.engine;

import java.util.Arrays;

/**
 * A task's initial world for one seed, plus the task's parameters as plain ints (their layout is
 * documented on each task and shared with the OpenCL kernel).
 */
public record TaskInstance(
        String task, int seed, int rows, int cols,
        boolean[] walls, byte[] markers, int heroRow, int heroCol, int heroDir, int[] params) {

    /** Rows as in the conformance vectors: '#' wall, '.' empty, 1-9 markers, 'A' ten. */
    public String[] gridRows() {
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            StringBuilder sb = new StringBuilder(cols);
            for (int c = 0; c < cols; c++) {
                int cell = r * cols + c;
                sb.append(walls[cell] ? '#' : World.markerChar(markers[cell]));
            }
            out[r] = sb.toString();
        }
        return out;
    }

    /** The grid with the hero drawn as ^ > v <. */
    public String toAscii() {
        String[] g = gridRows();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            char[] line = g[r].toCharArray();
            if (r == heroRow && heroCol >= 0 && heroCol < cols) {
                line[heroCol] = Direction.arrow(heroDir);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskInstance t && task.equals(t.task) && seed == t.seed && rows == t.rows
                && cols == t.cols && Arrays.equals(walls, t.walls) && Arrays.equals(markers, t.markers)
                && heroRow == t.heroRow && heroCol == t.heroCol && heroDir == t.heroDir
                && Arrays.equals(params, t.params);
    }

    @Override
    public int hashCode() {
        return task.hashCode() * 31 + seed;
    }
}
