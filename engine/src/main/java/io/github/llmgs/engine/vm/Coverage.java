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

    private Coverage() {}

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
