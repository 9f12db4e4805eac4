package io.github.llmgs.search.plot;

import java.nio.file.Path;

/** A run directory left out of the figures, and why ("an interrupted run (...)"). */
public record SkippedRun(Path dir, String why) {}
