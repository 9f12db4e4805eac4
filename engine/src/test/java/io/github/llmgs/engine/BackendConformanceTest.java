package io.github.llmgs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.engine.conformance.ConformanceRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference implementation's vectors ({@code conformance/karel/} on the test classpath) on one
 * backend: every instance, RandomState draw, Snake tape draw and episode must match. Subclass it
 * for a backend (the engine's test-jar carries this class and the vectors), e.g. in kernels:
 *
 * <pre>{@code
 * class OpenClConformanceTest extends BackendConformanceTest {
 *     @Override protected Backend backend() { return new OpenClBackend(...); }
 * }
 * }</pre>
 */
public abstract class BackendConformanceTest {
    /** Episodes in episodes.jsonl (2,346 programs x 32 seeds). */
    public static final int EPISODES = 75_072;
    /** Task instances in instances.jsonl (12 dense tasks x 32 seeds). */
    public static final int INSTANCES = 384;

    /** A fresh backend to check; the test closes it. */
    protected abstract Backend backend();

    /** Programs per backend call; results must not depend on it. */
    protected int batchPrograms() {
        return 256;
    }

    /** The vectors directory, from the classpath (a directory, or inside the engine's test-jar). */
    protected Path vectorsDir() throws IOException {
        URL url = BackendConformanceTest.class.getResource("/conformance/karel/episodes.jsonl");
        if (url == null) {
            throw new IllegalStateException("conformance/karel/episodes.jsonl is not on the test classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // opened by an earlier test in this JVM
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    @Test
    void allVectorsPass() throws IOException {
        Path dir = vectorsDir();
        ConformanceReport report;
        String device;
        try (Backend backend = backend()) {
            device = backend.name() + " (" + backend.device() + ")";
            report = new ConformanceRunner(backend, batchPrograms()).run(dir);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = "backend " + device + "\n" + text.toString(StandardCharsets.UTF_8);
        assertEquals(0, report.failed(), () -> "conformance mismatches:\n" + printed);
        assertTrue(report.passed() >= EPISODES + INSTANCES,
                () -> "too few checks ran (expected at least " + (EPISODES + INSTANCES) + "):\n" + printed);
    }
}
