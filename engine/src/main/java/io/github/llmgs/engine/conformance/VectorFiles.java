package io.github.llmgs.engine.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@code .jsonl} vectors file of any domain; a malformed line is one error naming file:line:col. */
public final class VectorFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorFiles() {}

    /** The non-blank lines of {@code file}, each one JSON object; an empty file is an error too. */
    public static List<VectorLine> read(Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file);
        } catch (IOException e) {
            throw new VectorFormatException(file + ": cannot read (" + e.getMessage() + ")");
        }
        List<VectorLine> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i).strip();
            if (text.isEmpty()) continue;
            try {
                JsonNode node = JSON.readTree(text);
                if (node == null || !node.isObject()) {
                    throw new VectorFormatException(file + ":" + (i + 1) + ": expected one JSON object per line");
                }
                lines.add(new VectorLine(file, i + 1, node));
            } catch (JsonProcessingException e) {
                String column = e.getLocation() == null ? "" : ":" + e.getLocation().getColumnNr();
                String why = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(start marker.*", "");
                throw new VectorFormatException(file + ":" + (i + 1) + column + ": malformed JSON (" + why + ")");
            } catch (IOException e) {
                throw new VectorFormatException(file + ":" + (i + 1) + ": cannot read (" + e.getMessage() + ")");
            }
        }
        if (lines.isEmpty()) {
            throw new VectorFormatException(file + ": empty vectors file");
        }
        return lines;
    }
}
