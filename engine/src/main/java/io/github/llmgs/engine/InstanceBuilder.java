package io.github.llmgs.engine;

/** Mutable scratch used by task generators to lay out an instance. */
public final class InstanceBuilder {
    public final int rows;
    public final int cols;
    public final boolean[] walls;
    public final byte[] markers;
    public int heroRow;
    public int heroCol;
    public int heroDir;

    public InstanceBuilder(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.walls = new boolean[rows * cols];
        this.markers = new byte[rows * cols];
    }

    public int cell(int r, int c) {
        return r * cols + c;
    }

    public InstanceBuilder borderWalls() {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (r == 0 || r == rows - 1 || c == 0 || c == cols - 1) {
                    walls[cell(r, c)] = true;
                }
            }
        }
        return this;
    }

    public void wall(int r, int c) {
        walls[cell(r, c)] = true;
    }

    public void free(int r, int c) {
        walls[cell(r, c)] = false;
    }

    public boolean isWall(int r, int c) {
        return walls[cell(r, c)];
    }

    public void addMarker(int r, int c) {
        markers[cell(r, c)]++;
    }

    public int markerCount(int r, int c) {
        return markers[cell(r, c)];
    }

    public int markerTotal() {
        int n = 0;
        for (byte m : markers) n += m;
        return n;
    }

    public void hero(int r, int c, int dir) {
        heroRow = r;
        heroCol = c;
        heroDir = dir;
    }

    public TaskInstance build(String task, int seed, int... params) {
        return new TaskInstance(task, seed, rows, cols, walls.clone(), markers.clone(),
                heroRow, heroCol, heroDir, params.clone());
    }
}
