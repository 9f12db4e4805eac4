package io.github.llmgs.search.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedDirTest {
    @TempDir
    Path tmp;

    @Test
    void onlyWhatIsInsideIsFound() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(root.resolve("a.txt"), "a");
        Files.writeString(tmp.resolve("secret.txt"), "s");
        Files.createSymbolicLink(root.resolve("out-link"), tmp);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("in-link.txt"), root.resolve("a.txt"));
        ServedDir d = new ServedDir(root);
        assertEquals(Optional.of(root.toRealPath().resolve("a.txt")), d.find("a.txt"));
        assertTrue(d.find("in-link.txt").isPresent(), "a symlink that stays inside is followed");
        for (String bad : new String[] {"../secret.txt", "x/../../secret.txt", "/" + tmp.resolve("secret.txt"), "out-link/secret.txt",
                "secret-link.txt", "a.txt\0", "..\\secret.txt", "nope.txt", "./a.txt/.."}) {
            assertEquals(Optional.empty(), d.find(bad), bad);
        }
        assertEquals(Optional.of(root.toRealPath()), d.find(""));
    }
}
