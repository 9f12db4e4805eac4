package io.github.llmgs.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the prompt asks for and which answers count: {@code python-to-dsl} (the reference's
 * way: a Python program and its DSL translation, both read), {@code python} (Python only,
 * converted here), {@code dsl} (the DSL directly).
 */
public enum PromptMode {
    PYTHON_TO_DSL("python-to-dsl"),
    PYTHON("python"),
    DSL("dsl");

    private final String id;

    PromptMode(String id) {
        this.id = id;
    }

    /** The command-line name, e.g. {@code python-to-dsl}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Parses a command-line name (case-insensitive; '_' accepted for '-'). */
    public static PromptMode fromString(String s) {
        String key = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PromptMode m : values()) {
            if (m.id.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown prompt mode '" + s + "'; known modes: "
                + Arrays.stream(values()).map(PromptMode::id).collect(Collectors.joining(", ")));
    }
}
