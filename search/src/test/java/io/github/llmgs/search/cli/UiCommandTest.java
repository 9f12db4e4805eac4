package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmgs ui}'s refusals; serving itself is tested in the ui package. */
class UiCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingDirectoryIsOneLine() {
        Path missing = tmp.resolve("nothing");
        Cli.run("ui", "--out", missing.toString(), "--port", "0").assertUserError("--out " + missing
                + ": no such directory; run a search or sweep into it first, or choose another --out");
    }

    @Test
    void aFileIsNotADirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        Cli.run("ui", "--out", file.toString()).assertUserErrorStartsWith("--out " + file + ": not a directory");
    }

    @Test
    void aPortInUseAndABadPortAreOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run("ui", "--out", tmp.toString(), "--port", Integer.toString(taken.getLocalPort()));
            r.assertUserErrorStartsWith("--host 127.0.0.1 --port " + taken.getLocalPort() + ": cannot listen: ");
            assertTrue(r.err().contains("--port 0"), r.show());
        }
        Cli.run("ui", "--out", tmp.toString(), "--port", "70000").assertUserError("--port 70000: a port is 0..65535");
        Cli.run("ui", "--out", tmp.toString(), "--host", "no-such-host.invalid").assertUserError("--host no-such-host.invalid: unknown host");
    }

    @Test
    void listedInTheHelp() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains(" ui "), r.out());
    }
}
