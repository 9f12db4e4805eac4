package io.github.llmgs.engine.vm;

/**
 * A domain's episode as {@link BytecodeVm}'s dispatch loop sees it: the world helpers each
 * domain writes once in Java and once in its kernel, under the same names. The loop owns the
 * control flow (jumps, REPEAT counters, WHILE memory); what an action does, what a condition
 * reads, what the state key covers and when the episode ends belong to the domain.
 *
 * <p>A VM runs one domain at a time, so the JIT sees one implementation at these calls and
 * inlines them; the Karel profile is measured against the loop that called World directly.
 */
public interface VmWorld {
    /** Whether actions are now skipped: conditions are still evaluated and counted. */
    boolean crashed();

    /**
     * An action in an uncrashed world: one call, the step, its reward collected. Returns whether
     * the episode is over, in which case the loop stops at once and evaluates nothing more.
     */
    boolean act(int action);

    /** A condition (the vocabulary's operand): one call, even in a crashed world, then its value. */
    boolean perceiveAndCount(int condition);

    /** What a WHILE head remembers: equal for states the reference's repeated-state test equates. */
    long stateKey();

    /** A WHILE head saw its state again. */
    void crash();

    /** Whether the world crashed at the call limit (how the run ended, when no WHILE repeated first). */
    boolean callLimitReached();
}
