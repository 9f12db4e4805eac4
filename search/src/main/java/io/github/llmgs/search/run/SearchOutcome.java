package io.github.llmgs.search.run;

import java.nio.file.Path;
import java.util.Map;

/** What a finished (or interrupted) run wrote, as in its result.json. */
public record SearchOutcome(Path dir, Map<String, Object> result) {
    public double bestScore() {
        return ((Number) result.get("best_score")).doubleValue();
    }

    public long programsEvaluated() {
        return ((Number) result.get("programs_evaluated")).longValue();
    }

    public String bestProgram() {
        return (String) result.get("best_program");
    }

    public double wallSeconds() {
        return ((Number) result.get("wall_seconds")).doubleValue();
    }
}
