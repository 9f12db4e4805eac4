package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.llm.RevisionPrompts;
import java.util.List;

/**
 * Where a revision run gets its programs: {@link #seeds} for round 0 (the usual request), then
 * {@link #revise} for each later round, all from one conversation log so a replay sees the same
 * requests in the same order.
 */
public interface Reviser extends SeedSource {
    /** Up to {@code count} programs written with the round's context; none when no answer was valid. */
    List<Node.Program> revise(int round, RevisionPrompts.Context context, int count);

    /** Ends the run's conversation (flushes its log); called once, when the run ends. */
    default void close() {}
}
