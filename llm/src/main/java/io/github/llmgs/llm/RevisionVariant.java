package io.github.llmgs.llm;

import java.util.Arrays;
import java.util.List;

/** The four revision contexts of the paper's ablation (spec/llm.md, "Revision variants"). */
public enum RevisionVariant {
    REGENERATION("regeneration"),
    REGENERATION_WITH_REWARD("regeneration-with-reward"),
    AGENT_TRACE("agent-trace"),
    AGENT_PROGRAM_TRACE("agent-program-trace");

    private final String id;

    RevisionVariant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the prompt carries the replayed episode of the round's best program. */
    public boolean needsTrace() {
        return this == AGENT_TRACE || this == AGENT_PROGRAM_TRACE;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(RevisionVariant::id).toList();
    }

    /** @throws IllegalArgumentException naming the known variants */
    public static RevisionVariant fromString(String text) {
        for (RevisionVariant v : values()) {
            if (v.id.equalsIgnoreCase(text == null ? "" : text.trim())) return v;
        }
        throw new IllegalArgumentException("unknown revision variant '" + text + "'; known: " + String.join(", ", ids()));
    }
}
