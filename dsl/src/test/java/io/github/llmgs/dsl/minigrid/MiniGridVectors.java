package io.github.llmgs.dsl.minigrid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code program} of every line of a MiniGrid vector file (copied from
 * /work/shared/conformance/minigrid/). The dsl module has no JSON library, and program strings
 * hold no quotes or escapes, so one pattern reads the field.
 */
final class MiniGridVectors {
    private static final Pattern PROGRAM = Pattern.compile("\"program\": \"([^\"\\\\]*)\"");

    private MiniGridVectors() {}

    static List<String> programs(String file) throws IOException {
        String resource = "/conformance/minigrid/" + file;
        try (InputStream in = MiniGridVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                Matcher m = PROGRAM.matcher(line);
                if (!m.find()) {
                    throw new IOException(resource + ": a line without a program: " + line.substring(0, Math.min(80, line.length())));
                }
                out.add(m.group(1));
            }
            return out;
        }
    }
}
