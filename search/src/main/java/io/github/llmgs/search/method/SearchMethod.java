package io.github.llmgs.search.method;

/** A search method: runs until {@link SearchState#done()}. */
public interface SearchMethod {
    String name();

    /** How the initial programs were obtained, for result.json (e.g. "grammar", "llm: gpt-4o"). */
    default String seeding() {
        return "grammar";
    }

    void run(SearchState state);

    /** What result.json records under "revision" (a revision run's variant and rounds); nothing for the others. */
    default java.util.Map<String, Object> resultFields() {
        return java.util.Map.of();
    }
}
