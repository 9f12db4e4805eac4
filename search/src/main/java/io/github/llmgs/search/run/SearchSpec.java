package io.github.llmgs.search.run;

import io.github.llmgs.engine.batch.BackendOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything one search run needs, validated before any work starts.
 *
 * @param batch the most programs per backend call (speculative neighbours included)
 * @param extra fields copied into result.json's "config" (e.g. LLM settings, config file)
 */
public record SearchSpec(String task, String method, long seed, long budget, String backend,
                         BackendOptions backendOptions, int batch, int hcK, int shcKStart, int shcKEnd,
                         Path out, boolean overwrite, Map<String, Object> extra) {
    public static final java.util.List<String> METHODS = java.util.List.of("hc", "shc", "random", "llm-gs");

    public SearchSpec {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; known methods: " + String.join(", ", METHODS));
        }
        if (budget <= 0) throw new IllegalArgumentException("--budget must be > 0, got " + budget);
        if (batch < 1) throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        if (hcK < 1) throw new IllegalArgumentException("hc k must be >= 1, got " + hcK);
        if (shcKStart < 1 || shcKEnd < shcKStart) {
            throw new IllegalArgumentException("shc schedule needs 1 <= k_start <= k_end, got " + shcKStart + ", " + shcKEnd);
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
