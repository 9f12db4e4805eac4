package io.github.llmgs.search.method;

import java.util.Map;

/** Hears what a search does: for progress lines and {@code events.jsonl}. */
public interface SearchListener {
    /** A named event with fields, e.g. ("new_best", {score, program, evaluated}). */
    void event(String type, Map<String, Object> fields);

    /** Called after every batch of evaluations. */
    default void progress(SearchState state) {}

    SearchListener NONE = (type, fields) -> {};
}
