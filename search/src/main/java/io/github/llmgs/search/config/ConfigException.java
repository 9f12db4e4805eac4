package io.github.llmgs.search.config;

/** A run configuration that cannot be used; the message names the file, the field and why. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
