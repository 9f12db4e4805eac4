package io.github.llmgs.engine.profile;

import java.util.List;

/**
 * Several backends profiled in one run with their passes interleaved (each repetition runs one
 * pass of every backend, the order rotating), so slow drift of a noisy machine hits them all.
 * {@code speedups.get(j)}: the median over repetitions of backend 0's pass time / backend j's in
 * the same repetition (above 1: j is faster); 1 for backend 0 itself.
 */
public record Comparison(List<ProfileResult> results, List<Double> speedups) {}
