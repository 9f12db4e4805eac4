package io.github.llmgs.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The public MiniGrid vectors from engine's test resources (on this classpath through engine's
 * test jar, so inside a jar): copied into a directory, as {@code conformance --vectors} reads them.
 */
final class MiniGridVectors {
    static final List<String> FILES = List.of("instances.jsonl", "rng.jsonl", "episodes.jsonl", "traces.jsonl", "meta.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MiniGridVectors() {}

    static String text(String file) {
        String resource = "/conformance/minigrid/" + file;
        try (InputStream in = MiniGridVectors.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the test classpath (engine's test jar)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file, unchanged, into {@code dir}; returns {@code dir}. */
    static Path copyAll(Path dir) throws IOException {
        for (String f : FILES) Files.writeString(dir.resolve(f), text(f));
        return dir;
    }

    static List<JsonNode> lines(String file) {
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : text(file).split("\n")) {
                if (!line.isBlank()) out.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
