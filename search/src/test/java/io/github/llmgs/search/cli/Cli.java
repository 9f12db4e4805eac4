package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Runs {@code llmgs} in-process with captured stdout and stderr. */
final class Cli {
    record Result(int code, String out, String err, String[] args) {
        String show() {
            return "llmgs " + String.join(" ", args) + "\nexit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        /** Exit code 2, nothing on stdout, exactly one stderr line: {@code llmgs: error: MESSAGE}. */
        Result assertUserError(String message) {
            assertEquals(2, code, this::show);
            assertEquals("", out, this::show);
            assertEquals(1, err.lines().count(), () -> "one line on stderr\n" + show());
            assertEquals("llmgs: error: " + message, err.strip(), this::show);
            return this;
        }

        Result assertUserErrorStartsWith(String prefix) {
            assertEquals(2, code, this::show);
            assertEquals(1, err.lines().count(), () -> "one line on stderr\n" + show());
            assertTrue(err.startsWith("llmgs: error: " + prefix), this::show);
            return this;
        }

        Result assertOk() {
            assertEquals(0, code, this::show);
            assertEquals("", err, this::show);
            return this;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString(), args);
    }

    /** The small vectors subset in src/test/resources/vectors. */
    static Path vectors() {
        URL url = Cli.class.getResource("/vectors/episodes.jsonl");
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
