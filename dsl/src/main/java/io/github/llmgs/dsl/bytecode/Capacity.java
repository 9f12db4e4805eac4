package io.github.llmgs.dsl.bytecode;

import io.github.llmgs.dsl.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Whether a program fits the engine: its bytecode within {@link Opcode#MAX_CODE_LENGTH} words,
 * at most {@link Opcode#MAX_WHILES} WHILE loops and REPEATs nested at most
 * {@link Opcode#MAX_REPEAT_DEPTH} deep. Every backend holds the same limits, so a program that
 * breaks one is refused up front, with the limit named, before any backend sees it.
 */
public final class Capacity {
    private Capacity() {}

    /** The first limit the program breaks, as one line, or empty when it fits. */
    public static Optional<String> problem(Node.Program program) {
        Size s = new Size();
        s.statement(program.body(), 0);
        long words = s.words + 1; // HALT
        if (words > Opcode.MAX_CODE_LENGTH) {
            return Optional.of("program compiles to " + words + " code words; the engine holds at most "
                    + Opcode.MAX_CODE_LENGTH);
        }
        if (s.whiles > Opcode.MAX_WHILES) {
            return Optional.of("program has " + s.whiles + " WHILE loops; the engine holds at most " + Opcode.MAX_WHILES);
        }
        if (s.repeatDepth > Opcode.MAX_REPEAT_DEPTH) {
            return Optional.of("program nests REPEAT " + s.repeatDepth + " deep; the engine holds at most "
                    + Opcode.MAX_REPEAT_DEPTH);
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} with {@link #problem}'s line when the program does not fit. */
    public static void check(Node.Program program) {
        problem(program).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /**
     * Counts what {@link Compiler} emits, shape by shape, without building the code. It keeps
     * its own stack instead of recursing: it is the check that runs before any other walk, so it
     * must not overflow on a tree of any depth, however it was built (parser, LLM converter, code).
     */
    private static final class Size {
        long words;
        int whiles;
        int repeatDepth;

        /** A statement still to count and the number of REPEATs around it. */
        private record Pending(Node.Stmt stmt, int repeats) {}

        void statement(Node.Stmt root, int rootRepeats) {
            Deque<Pending> todo = new ArrayDeque<>();
            todo.push(new Pending(root, rootRepeats));
            while (!todo.isEmpty()) {
                Pending p = todo.pop();
                Node.Stmt s = p.stmt();
                int repeats = p.repeats();
                if (s instanceof Node.Concatenate c) {
                    todo.push(new Pending(c.rest(), repeats));
                    todo.push(new Pending(c.first(), repeats));
                } else if (s instanceof Node.Act) {
                    words += Opcode.ACT.width();
                } else if (s instanceof Node.If i) {
                    words += Opcode.JUMP_IF_NOT.width();
                    todo.push(new Pending(i.body(), repeats));
                } else if (s instanceof Node.Ite i) {
                    words += Opcode.JUMP_IF_NOT.width() + Opcode.JUMP.width();
                    todo.push(new Pending(i.otherwise(), repeats));
                    todo.push(new Pending(i.then(), repeats));
                } else if (s instanceof Node.While w) {
                    whiles++;
                    words += Opcode.JUMP_IF_NOT.width() + Opcode.WHILE_CHECK.width() + Opcode.JUMP.width();
                    todo.push(new Pending(w.body(), repeats));
                } else if (s instanceof Node.Repeat r) {
                    repeatDepth = Math.max(repeatDepth, repeats + 1);
                    words += Opcode.REPEAT_PUSH.width() + Opcode.REPEAT_NEXT.width() + Opcode.JUMP.width();
                    todo.push(new Pending(r.body(), repeats + 1));
                }
            }
        }
    }
}
