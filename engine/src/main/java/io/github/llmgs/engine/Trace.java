package io.github.llmgs.engine;

/**
 * An episode run step by step on the oracle: what it produced, one log line per executed action
 * and evaluated condition, and the world as the episode left it.
 */
public record Trace(Episode episode, String log, World finalWorld) {}
