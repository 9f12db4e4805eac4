package io.github.llmgs.search.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run directory as the dashboard lists it. {@code id} is its path under the served
 * directory ("Harvester/shc/0"); the numbers are null where the run has none yet. A running run
 * reports the programs evaluated at its latest new best (events.jsonl has no other count).
 */
public record RunRecord(String id, String task, String method, String seed, Phase phase, String status,
                        Double bestScore, String bestProgram, Long programs, Double wallSeconds,
                        String instanceSeeds, Map<String, Object> result) {

    /** What the dashboard can say about a run from its files, without touching its lock. */
    public enum Phase {
        RUNNING, FINISHED, INTERRUPTED, FAILED, UNFINISHED, UNREADABLE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The fields the runs list shows and the live script receives. */
    public Map<String, Object> row() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("task", task);
        m.put("method", method);
        m.put("seed", seed);
        m.put("phase", phase.word());
        m.put("status", status);
        m.put("best_score", bestScore);
        m.put("programs", programs);
        m.put("wall_seconds", wallSeconds);
        return m;
    }
}
