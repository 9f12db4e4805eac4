package io.github.llmgs.dsl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Program lists copied from /work/shared (see dsl/scripts/extract-programs.py). */
final class TestPrograms {

    private TestPrograms() {}

    static List<String> load(String resource) throws IOException {
        try (InputStream in = TestPrograms.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(l -> !l.isEmpty()).collect(Collectors.toList());
        }
    }
}
