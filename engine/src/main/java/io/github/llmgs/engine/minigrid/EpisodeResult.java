package io.github.llmgs.engine.minigrid;

/**
 * One episode as the vectors record it: the return ({@code evaluate_program}'s float sum in step
 * order), executed actions, the final {@code num_calls}, the crash flag (also set by termination)
 * and whether the last executed step terminated.
 */
public record EpisodeResult(double ret, int steps, int calls, boolean crashed, boolean terminated) {}
