package io.github.llmgs.search.run;

import java.nio.file.Path;
import java.util.Map;

/** What a finished (or interrupted) run wrote, as in its result.json. */
public record SearchOutcome(Path dir, Map<String, Object> result) {
    /** NaN when nothing was evaluated (a run interrupted before its first batch). */
    public double bestScore() {
        return result.get("best_score") instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** {@code solved}, {@code budget}, {@code interrupted} (or {@code failed: ...}, never returned). */
    public String status() {
        return (String) result.get("status");
    }

    public boolean interrupted() {
        return "interrupted".equals(status());
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
