package io.github.llmgs.engine;

/**
 * How an episode's program run ended, as the VM and the OpenCL kernel report it (the kernel's
 * {@code STATUS_*} numbers are generated from this enum's ordinals).
 */
public enum ExitStatus {
    /** The program ended, or the task's reward ended the episode. */
    OK,
    /** A WHILE saw a state it had seen before: the world crashed. */
    WHILE_REPEAT,
    /** The call that went past {@code max_calls}: the world crashed. */
    CALL_LIMIT,
    /** Code a verifier would reject reached the interpreter (a bug, never a program's fault). */
    BAD_OPCODE
}
