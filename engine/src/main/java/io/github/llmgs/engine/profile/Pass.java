package io.github.llmgs.engine.profile;

/**
 * One pass of a workload on a {@link ProfileSubject}: the wall time of its backend calls, the
 * totals the profiler checks between passes (calls, checksum = sum over programs of the mean
 * return) and, per episode ({@code program * instances + instance}), its calls and whether it
 * hit the call limit, for {@link EpisodeStats}.
 */
public record Pass(double seconds, long calls, double checksum, int[] episodeCalls, boolean[] callLimit) {}
