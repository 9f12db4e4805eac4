package io.github.llmgs.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void anExistingRunIsNeverSilentlyOverwritten() throws Exception {
        Path dir = RunDirectory.path(tmp, "DoorKey", "shc", 3);
        try (RunDirectory run = RunDirectory.create(dir, false)) {
            run.writeResult(Map.of("best_score", 0.5));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(dir, false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--overwrite"), e.getMessage());
        assertTrue(Files.readString(dir.resolve("result.json")).contains("0.5"), "the old result is intact");
        try (RunDirectory run = RunDirectory.create(dir, true)) {
            assertFalse(Files.exists(dir.resolve("result.json")), "--overwrite replaces the old files");
            run.event("start", Map.of("x", 1));
        }
        assertEquals(1, Files.readAllLines(dir.resolve("events.jsonl")).size());
    }
}
