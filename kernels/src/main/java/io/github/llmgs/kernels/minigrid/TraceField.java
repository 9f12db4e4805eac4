package io.github.llmgs.kernels.minigrid;

/**
 * The ints the trace build of {@code minigrid.cl} writes per executed step ({@code TRACE_*} in
 * the generated {@code minigrid.h}, by ordinal), after the step's reward was collected; the
 * reward itself goes to a buffer of doubles.
 */
enum TraceField {
    ACTION, X, Y, DIR, CARRY_TYPE, CARRY_COLOR, TERMINATED, CALLS, CRASHED
}
