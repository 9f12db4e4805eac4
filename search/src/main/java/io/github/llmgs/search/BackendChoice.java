package io.github.llmgs.search;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.Backends;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place that turns {@code --backend NAME} into a {@link Backend}: {@code reference}
 * (the tree-walking oracle), {@code cpu}, {@code opencl} (found on the classpath) and
 * {@code auto} (an OpenCL GPU if present, else cpu; it says which and why).
 */
public final class BackendChoice {
    public static final String DEFAULT = "reference";

    private BackendChoice() {}

    /** The names {@code --backend} accepts. */
    public static List<String> names() {
        return Backends.names();
    }

    /** Opens the named backend with default options; notes (auto's choice) go to stderr. */
    public static Backend open(String name) {
        return open(name, BackendOptions.defaults(), System.err::println);
    }

    /**
     * Opens the named backend (case-insensitive); the caller closes it. An unknown name, a bad
     * option, a missing device or driver is a {@link BackendException} with a one-line message
     * (an unknown name's lists the known names).
     */
    public static Backend open(String name, BackendOptions options, Consumer<String> notes) {
        if (name == null) {
            throw new BackendException("no backend given; known backends: " + String.join(", ", names()));
        }
        return Backends.open(name, options, notes);
    }
}
