package io.github.llmgs.engine.batch;

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

    /** Index of the first offending program in the batch. */
    public int program() {
        return program;
    }

    /** The limit it breaks, one line, e.g. "program compiles to 700 code words; the engine holds at most 512". */
    public String problem() {
        return problem;
    }
}
