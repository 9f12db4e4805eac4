package io.github.llmgs.engine.tasks;

import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.InstanceBuilder;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Reach the marker in a depth-first-carved maze. Params: [markerRow, markerCol, d0]. */
public final class Maze extends KarelTask {
    public Maze(boolean sparse) {
        super("Maze", TaskKernel.MAZE, 8, 8, sparse);
    }

    @Override
    public String description() {
        return "find the marker in a random maze carved depth-first";
    }

    @Override
    public TaskInstance generate(int seed) {
        int h = rows(), w = cols();
        RandomState rng = new RandomState(Integer.toUnsignedLong(seed));
        InstanceBuilder b = new InstanceBuilder(h, w);
        java.util.Arrays.fill(b.walls, true);
        int startRow = h - 2, startCol = 1;
        b.free(startRow, startCol);
        b.hero(startRow, startCol, Direction.EAST);
        boolean[] visited = new boolean[h * w];
        visited[b.cell(startRow, startCol)] = true;
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {startRow, startCol});
        while (!stack.isEmpty()) {
            int[] cur = stack.pop();
            int r = cur[0], c = cur[1];
            List<int[]> next = new ArrayList<>(4);
            if (r - 2 > 0) next.add(new int[] {r - 2, c});
            if (r + 2 < h - 1) next.add(new int[] {r + 2, c});
            if (c - 2 > 0) next.add(new int[] {r, c - 2});
            if (c + 2 < w - 1) next.add(new int[] {r, c + 2});
            rng.shuffle(next);
            for (int[] n : next) {
                if (!visited[b.cell(n[0], n[1])]) {
                    visited[b.cell(n[0], n[1])] = true;
                    b.free((r + n[0]) / 2, (c + n[1]) / 2);
                    b.free(n[0], n[1]);
                    stack.push(n);
                }
            }
        }
        int y, x;
        do {
            y = rng.randint(1, h - 1);
            x = rng.randint(1, w - 1);
        } while (b.isWall(y, x) || (y == startRow && x == startCol));
        b.addMarker(y, x);
        return b.build(name(), seed, y, x, manhattan(startRow, startCol, y, x));
    }

    @Override
    public Reward newReward() {
        return new MazeReward(sparse());
    }

    private static final class MazeReward implements Reward {
        private final boolean sparse;
        private int markerRow, markerCol, d0, prev;
        private boolean done;

        MazeReward(boolean sparse) {
            this.sparse = sparse;
        }

        @Override public void reset(TaskInstance inst, World w) {
            markerRow = inst.params()[0];
            markerCol = inst.params()[1];
            d0 = inst.params()[2];
            prev = d0;
            done = false;
        }

        @Override public double step(World w) {
            boolean onMarker = w.row == markerRow && w.col == markerCol;
            if (sparse) {
                done = onMarker;
                return onMarker ? 1 : 0;
            }
            int d = manhattan(w.row, w.col, markerRow, markerCol);
            double r = (double) (prev - d) / d0;
            done = onMarker;
            prev = d;
            return r;
        }

        @Override public boolean terminated() { return done; }
    }
}
