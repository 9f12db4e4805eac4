package io.github.llmgs.engine.vm;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.dsl.bytecode.Bytecode;
import io.github.llmgs.dsl.bytecode.Compiler;

/**
 * Which nodes of a program its episodes reach. The episodes are deterministic, so a program whose
 * node at an unreached place is replaced by anything runs the very same episodes: the same
 * actions, calls, WHILE states and rewards, hence the same score. A climbing step uses that to
 * score such neighbours with the current program's score, without running them.
 */
public final class Coverage {
    /** A domain's episodes on its instances, marking the instructions that ran. */
    @FunctionalInterface
    public interface Episodes {
        void run(int[] code, boolean[] executed);
    }

    /** One episode of a domain (its index among the run's instances), marking the instructions that ran; its return. */
    @FunctionalInterface
    public interface Episode {
        double run(int[] code, int episode, boolean[] executed);
    }

    /**
     * Per node (pre-order, the program first), the instances whose episode reaches it; and each
     * episode's return. A program changed only at nodes one episode never reaches runs that very
     * episode, so its return there is known without running it.
     */
    public record ByInstance(boolean[][] reachedOn, double[] returns) {
        /** One flag per node: whether some episode reached it ({@link #reached}). */
        public boolean[] anywhere() {
            boolean[] any = new boolean[reachedOn.length];
            for (int node = 0; node < any.length; node++) {
                for (boolean on : reachedOn[node]) any[node] |= on;
            }
            return any;
        }
    }

    private Coverage() {}

    /** {@link ByInstance} of a program over {@code episodes} instances, each run once. */
    public static ByInstance byInstance(Node.Program program, Vocabulary vocabulary, int episodes, Episode episode) {
        Bytecode bc = Compiler.compile(program, vocabulary);
        int[] starts = Compiler.nodeStarts(program, vocabulary);
        boolean[][] reachedOn = new boolean[starts.length][episodes];
        double[] returns = new double[episodes];
        boolean[] executed = new boolean[bc.length()];
        for (int e = 0; e < episodes; e++) {
            java.util.Arrays.fill(executed, false);
            returns[e] = episode.run(bc.code(), e, executed);
            for (int node = 0; node < starts.length; node++) reachedOn[node][e] = executed[starts[node]];
        }
        return new ByInstance(reachedOn, returns);
    }

    /**
     * One flag per node, the program first and then every node in pre-order
     * ({@link Compiler#nodeStarts}): whether some episode reached it.
     */
    public static boolean[] reached(Node.Program program, Vocabulary vocabulary, Episodes episodes) {
        Bytecode bc = Compiler.compile(program, vocabulary);
        boolean[] executed = new boolean[bc.length()];
        episodes.run(bc.code(), executed);
        int[] starts = Compiler.nodeStarts(program, vocabulary);
        boolean[] reached = new boolean[starts.length];
        for (int i = 0; i < starts.length; i++) reached[i] = executed[starts[i]];
        return reached;
    }
}
