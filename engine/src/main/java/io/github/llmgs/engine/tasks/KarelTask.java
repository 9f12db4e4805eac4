package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Task;

/** What every task file shares: its name, size, sparse flag and kernel id. */
abstract class KarelTask implements Task {
    private final String baseName;
    private final int rows;
    private final int cols;
    private final boolean sparse;
    private final TaskKernel kernel;

    KarelTask(String baseName, TaskKernel kernel, int rows, int cols, boolean sparse) {
        this.baseName = baseName;
        this.kernel = kernel;
        this.rows = rows;
        this.cols = cols;
        this.sparse = sparse;
    }

    @Override public String name() { return sparse ? baseName + "Sparse" : baseName; }
    @Override public int rows() { return rows; }
    @Override public int cols() { return cols; }
    @Override public boolean sparse() { return sparse; }
    @Override public int kernelId() { return kernel.ordinal(); }

    /**
     * 1 for every Karel task (spec/karel.md section 5). Sparse: one reward of 1 ends the episode.
     * Dense rewards telescope: StairClimber and Maze sum (d0 - d)/d0, FourCorners g/4, TopOff
     * correct/k, Harvester, CleanHouse and PathFollow (N0 - n)/N0, Seeder and WallAvoider n/M,
     * each at most 1, with only -1 penalties besides; DoorKey pays 0.5 twice at most, OneStroke
     * 1/M for at most M new cells, Snake 1/20 for at most 20 foods. Up to rounding: M additions of
     * 1/M may give 1.0000000000000002, far inside the backend's stop margin. A test checks every
     * episode of a random-program fuzz against it.
     */
    @Override public double maxReturn() { return 1.0; }

    static int manhattan(int r1, int c1, int r2, int c2) {
        return Math.abs(r1 - r2) + Math.abs(c1 - c2);
    }

    @Override
    public String toString() {
        return name();
    }
}
