package io.github.llmgs.engine.batch;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.bytecode.Capacity;
import java.util.List;

/**
 * A program beyond the engine's limits ({@link io.github.llmgs.dsl.bytecode.Capacity}): more
 * code words, WHILE loops or nested REPEATs than any backend holds. Every batch is checked when
 * it is built, so every backend refuses the same programs with the same line. It is bad input,
 * not a bug: as a {@link BackendException} it reaches the user as one line, exit code 2.
 */
public final class CapacityException extends BackendException {
    private final int program;
    private final String problem;

    public CapacityException(int program, String problem) {
        super("program " + program + " of the batch: " + problem);
        this.program = program;
        this.problem = problem;
    }

    /** Refuses a batch holding a program beyond the engine's limits, naming the first one. */
    public static void check(List<Node.Program> programs) {
        for (int k = 0; k < programs.size(); k++) {
            int index = k;
            Capacity.problem(programs.get(k)).ifPresent(problem -> {
                throw new CapacityException(index, problem);
            });
        }
    }

    /** Index of the first offending program in the batch. */
    public int program() {
        return program;
    }

    /** The limit it breaks, one line, e.g. "program compiles to 700 code words; the engine holds at most 512". */
    public String problem() {
        return problem;
    }
}
