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

    /** Programs given up front (a recorded run's seeds), the first {@code count} of them. */
    static SeedSource of(List<Node.Program> programs, String description) {
        List<Node.Program> fixed = List.copyOf(programs);
        return new SeedSource() {
            @Override
            public List<Node.Program> seeds(int count) {
                return fixed.subList(0, Math.min(count, fixed.size()));
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
