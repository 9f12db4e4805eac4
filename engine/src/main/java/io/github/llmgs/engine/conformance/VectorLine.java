package io.github.llmgs.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One JSON object of a vectors file with where it came from, so that a bad field names its file and line. */
public record VectorLine(Path file, int number, JsonNode node) {
    public String where() {
        return file + ":" + number;
    }

    public JsonNode field(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new VectorFormatException(where() + ": missing field '" + name + "'");
        }
        return v;
    }

    /** A field that may be JSON null (e.g. MiniGrid's {@code carrying}), but must be present. */
    public JsonNode nullableField(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw new VectorFormatException(where() + ": missing field '" + name + "'");
        }
        return v;
    }

    public int intField(String name) {
        JsonNode v = field(name);
        if (!v.canConvertToInt()) throw new VectorFormatException(where() + ": field '" + name + "' is not an integer");
        return v.asInt();
    }

    public long longField(String name) {
        JsonNode v = field(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new VectorFormatException(where() + ": field '" + name + "' is not an integer");
        }
        return v.asLong();
    }

    public String textField(String name) {
        JsonNode v = field(name);
        if (!v.isTextual()) throw new VectorFormatException(where() + ": field '" + name + "' is not a string");
        return v.asText();
    }

    /** An array field, of exactly {@code size} items unless {@code size} is negative. */
    public JsonNode arrayField(String name, int size) {
        JsonNode v = field(name);
        if (!v.isArray() || (size >= 0 && v.size() != size)) {
            throw new VectorFormatException(where() + ": field '" + name + "' must be an array"
                    + (size >= 0 ? " of " + size + " items" : ""));
        }
        return v;
    }
}
