package io.github.llmgs.engine.minigrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.engine.conformance.ConformanceReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The public MiniGrid conformance vectors, read from the test classpath. */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    /** The file itself: the runner reads vectors from a directory, as the command line does. */
    static Path path(String file) {
        try {
            return Path.of(Vectors.class.getResource("/conformance/minigrid/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("/conformance/minigrid/" + file + " is not on the test classpath", e);
        }
    }

    /** The oracle as the conformance runner's episode backend. */
    static ConformanceReport check(String file) {
        return new MiniGridConformance(new MiniGridReference(Math.min(4, Runtime.getRuntime().availableProcessors())))
                .runFile(path(file));
    }

    /** The report's counts, with its first mismatches as the failure message. */
    static void assertCounts(ConformanceReport report, int passed) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(0, report.failed(), () -> text.toString(StandardCharsets.UTF_8));
        assertEquals(passed, report.passed(), () -> text.toString(StandardCharsets.UTF_8));
    }

    static List<JsonNode> lines(String file) {
        String resource = "/conformance/minigrid/" + file;
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException(resource + " is not on the test classpath");
            List<JsonNode> out = new ArrayList<>();
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!text.isBlank()) out.add(JSON.readTree(text));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        List<JsonNode> all = lines(file);
        if (all.size() != 1) {
            // meta.json is pretty-printed over many lines
            try (InputStream in = Vectors.class.getResourceAsStream("/conformance/minigrid/" + file)) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.get(0);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
