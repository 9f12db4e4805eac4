package io.github.llmgs.engine.minigrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The public MiniGrid conformance vectors, read from the test classpath. */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

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
