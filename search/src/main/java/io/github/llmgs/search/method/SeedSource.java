package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import java.util.List;

/** Where LLM-GS gets its initial programs: an LLM, a replayed log, or the grammar. */
public interface SeedSource {
    List<Node.Program> seeds(int count);

    /** For result.json and the run's log, e.g. "grammar (no LLM endpoint configured)". */
    String description();

    /**
     * Called from another thread (Ctrl-C, SIGTERM) to stop a {@link #seeds} call in flight: it
     * must return soon, by throwing, and make no further requests.
     */
    default void cancel() {}
}
