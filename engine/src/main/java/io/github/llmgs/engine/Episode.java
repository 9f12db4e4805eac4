package io.github.llmgs.engine;

/** What one episode produced: the quantities the conformance vectors record. */
public record Episode(double ret, int steps, int calls, boolean crashed) {}
