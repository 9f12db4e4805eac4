package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.llm.EpisodeTrace;

/** Replays a program's worst episode among the run's instances, for the trace revision prompts. */
public interface TraceSource {
    /**
     * Runs {@code program} on every instance of the run, picks the one where it returns least
     * (the first on ties) and replays it with a step log.
     */
    EpisodeTrace worst(Node.Program program);
}
