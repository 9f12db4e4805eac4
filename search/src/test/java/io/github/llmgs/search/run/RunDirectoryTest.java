package io.github.llmgs.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    private static final Function<RunFolder, Optional<String>> ONLY_FREE =
            f -> f.free() ? Optional.empty() : Optional.of(f.dir() + " holds " + f.describe());
    private static final Function<RunFolder, Optional<String>> ANY = f -> Optional.empty();

    @TempDir
    Path tmp;

    @Test
    void aRunIsReplacedOnlyWhenThePolicySaysSo() throws Exception {
        Path dir = RunDirectory.path(tmp, "DoorKey", "shc", 3);
        try (RunDirectory run = RunDirectory.claim(dir, ONLY_FREE)) {
            run.writeResult(Map.of("status", "budget", "best_score", 0.5, "programs_evaluated", 100));
        }
        assertEquals(RunFolder.State.FINISHED, RunFolder.inspect(dir).state());
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunDirectory.claim(dir, ONLY_FREE));
        assertEquals(dir + " holds a finished run (budget: best 0.500000 after 100 programs)", e.getMessage());
        assertTrue(Files.readString(dir.resolve("result.json")).contains("0.5"), "the old result is intact");
        try (RunDirectory run = RunDirectory.claim(dir, ANY)) {
            assertFalse(Files.exists(dir.resolve("result.json")), "a replaced run's files are gone");
            run.event("start", Map.of("x", 1));
        }
        assertEquals(1, Files.readAllLines(dir.resolve("events.jsonl")).size());
    }

    @Test
    void aFolderWithOnlyEventsIsAKilledRun() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("killed"));
        Files.writeString(dir.resolve("events.jsonl"), "{\"type\":\"start\"}\n");
        RunFolder f = RunFolder.inspect(dir);
        assertEquals(RunFolder.State.UNFINISHED, f.state());
        assertFalse(f.finished());
        assertEquals("an unfinished run (no result.json: it was killed or crashed)", f.describe());
    }

    @Test
    void interruptedFailedAndFailedStartsAreToldApart() throws Exception {
        assertEquals(RunFolder.State.INTERRUPTED, withResult("{\"status\":\"interrupted\",\"programs_evaluated\":5}").state());
        assertEquals(RunFolder.State.FAILED, withResult("{\"status\":\"failed: boom\",\"programs_evaluated\":5}").state());
        RunFolder start = withResult("{\"status\":\"failed: no LLM\",\"programs_evaluated\":0}");
        assertEquals(RunFolder.State.FAILED_START, start.state());
        assertTrue(start.free(), "a failed start holds no result");
        RunFolder broken = withResult("{\"status\":");
        assertEquals(RunFolder.State.UNREADABLE, broken.state());
        assertNull(broken.result());
    }

    @Test
    void aSecondClaimWaitsForTheFirstToEnd() throws Exception {
        Path dir = tmp.resolve("busy");
        try (RunDirectory first = RunDirectory.claim(dir, ANY)) {
            RunFolder seen = RunFolder.inspect(dir);
            assertEquals(RunFolder.State.IN_USE, seen.state());
            assertTrue(seen.detail().startsWith("pid " + ProcessHandle.current().pid()), seen.detail());
            RunFolderException e = assertThrows(RunFolderException.class, () -> RunDirectory.claim(dir, ANY));
            assertTrue(e.getMessage().startsWith(dir + " is in use by another run (pid "), e.getMessage());
        }
        try (RunDirectory again = RunDirectory.claim(dir, ANY)) {
            assertEquals(dir, again.dir());
        }
    }

    @Test
    void aFileWhereTheRunShouldBeIsNeverTouched() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "mine");
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunDirectory.claim(file, ANY));
        assertEquals(file + " is a file, not a run directory; remove it or choose another --out", e.getMessage());
        assertEquals("mine", Files.readString(file));
        RunFolderException under = assertThrows(RunFolderException.class, () -> RunDirectory.claim(file.resolve("x"), ANY));
        assertTrue(under.getMessage().startsWith("cannot create the run directory " + file.resolve("x") + ": "), under.getMessage());
    }

    @Test
    void filesAreWrittenWhole() throws Exception {
        Path target = tmp.resolve("summary.md");
        AtomicFiles.write(target, "old");
        AtomicFiles.write(target, "new");
        assertEquals("new", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    private RunFolder withResult(String json) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "run");
        Files.writeString(dir.resolve("result.json"), json);
        return RunFolder.inspect(dir);
    }
}
