package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import java.util.Map;

/** Hears what a search does: for progress lines and {@code events.jsonl}. */
public interface SearchListener {
    /** A named event with fields, e.g. ("new_best", {score, program, evaluated}). */
    void event(String type, Map<String, Object> fields);

    /** Called after every batch of evaluations. */
    default void progress(SearchState state) {}

    /**
     * Called for every evaluation that counts, in the order the sequential algorithm makes
     * them ({@code index} from 0); programs computed past a stop are not reported.
     */
    default void evaluated(long index, Node.Program program, double score) {}

    SearchListener NONE = (type, fields) -> {};
}
