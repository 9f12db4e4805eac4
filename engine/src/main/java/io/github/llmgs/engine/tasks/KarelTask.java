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

    static int manhattan(int r1, int c1, int r2, int c2) {
        return Math.abs(r1 - r2) + Math.abs(c1 - c2);
    }

    @Override
    public String toString() {
        return name();
    }
}
