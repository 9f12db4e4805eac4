package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay file or a cache directory that cannot serve is one line naming it and why, before any request. */
class ReplayAndCacheChecksTest {

    @TempDir
    Path dir;

    private static final String SESSION = "{\"type\":\"session\",\"model\":\"m\",\"endpoint\":\"http://h/v1\",\"seed\":0}";
    private static final String REQUEST = "{\"type\":\"request\",\"id\":0,\"task\":\"DoorKey\",\"n\":2}";
    private static final String RESPONSE = "{\"type\":\"response\",\"id\":0,\"completions\":[\"x\"]}";

    private LlmSeeder replaying(Path file) {
        return new LlmSeeder(LlmConfig.defaults().withReplayFile(file), k -> null, d -> { }, Fixtures.CLOCK, new Random());
    }

    private String refusal(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return assertThrows(LlmException.class, () -> replaying(f)).getMessage();
    }

    private String refusal(String name, String content) throws IOException {
        return refusal(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void garbageTruncatedBinaryAndEmptyReplayFilesAreNamedWithTheLine() throws IOException {
        Path f = dir.resolve("garbage.jsonl");
        assertEquals("replay file " + f + ":2: not JSON (Unrecognized token 'hello': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
                refusal("garbage.jsonl", SESSION + "\nhello world\n" + RESPONSE + "\n"));
        assertEquals("replay file " + dir.resolve("cut.jsonl") + ":3: the last record is truncated (the file ends "
                        + "mid-line; was the recorded run killed while writing it?)",
                refusal("cut.jsonl", SESSION + "\n" + RESPONSE + "\n{\"type\":\"parse\",\"ta"));
        assertEquals("replay file " + dir.resolve("run.bin") + ":2: a binary file, not an llm.jsonl (NUL byte)",
                refusal("run.bin", new byte[] {'{', '}', '\n', 0x50, 0x4b, 0x03, 0x00, 0x14}));
        assertEquals("replay file " + dir.resolve("latin1.jsonl") + ":2: not UTF-8 text (is it an llm.jsonl?)",
                refusal("latin1.jsonl", new byte[] {'{', '}', '\n', '"', (byte) 0xe9, '"', '\n'}));
        assertEquals("replay file " + dir.resolve("other.jsonl") + " holds no session or response records "
                + "(is it an llm.jsonl?)", refusal("other.jsonl", "{\"a\":1}\n{\"b\":2}\n"));
        assertEquals("replay file " + dir.resolve("array.jsonl") + ":1: not a JSON object (an llm.jsonl holds one "
                + "object per line)", refusal("array.jsonl", "[1,2]\n"));
        assertEquals("replay file " + dir.resolve("quiet.jsonl") + " holds no LLM responses (the recorded run made "
                + "no request)", refusal("quiet.jsonl", SESSION + "\n"));
    }

    @Test
    void aReplayOfAnotherTaskIsRefused() throws IOException {
        Path f = dir.resolve("doorkey.jsonl");
        Files.writeString(f, SESSION + "\n" + REQUEST + "\n" + RESPONSE + "\n");
        try (LlmSeeder s = replaying(f)) {
            LlmException e = assertThrows(LlmException.class, () -> s.seeds("Maze", 1));
            assertEquals("replay file " + f + " was recorded for task DoorKey, this run is Maze", e.getMessage());
        }
    }

    @Test
    void aCacheDirectoryThatCannotBeWrittenIsRefusedAtTheStart() throws IOException {
        Path inTheWay = Files.writeString(dir.resolve("cache"), "a file, not a directory");
        try (MockWebServer server = new MockWebServer()) {
            LlmConfig c = Fixtures.config(server, dir).withCacheDir(inTheWay);
            LlmException e = assertThrows(LlmException.class, () -> Fixtures.seeder(c, Map.of(), d -> { }));
            assertEquals("cannot use the LLM cache directory " + inTheWay + ": a file that is not a directory is in "
                    + "the way", e.getMessage());
            LlmConfig under = Fixtures.config(server, dir).withCacheDir(inTheWay.resolve("sub"));
            LlmException e2 = assertThrows(LlmException.class, () -> Fixtures.seeder(under, Map.of(), d -> { }));
            assertTrue(e2.getMessage().startsWith("cannot use the LLM cache directory " + inTheWay.resolve("sub") + ": "),
                    e2.getMessage());
            assertEquals(1, e2.getMessage().lines().count());
            assertEquals(0, server.getRequestCount());
        }
    }

    @Test
    void aUsableCacheDirectoryIsCreatedAndLeftEmpty() throws IOException {
        Path cache = dir.resolve("a/b/cache");
        try (MockWebServer server = new MockWebServer();
             LlmSeeder s = Fixtures.seeder(Fixtures.config(server, dir).withCacheDir(cache), Map.of(), d -> { })) {
            assertTrue(Files.isDirectory(cache));
            try (var files = Files.list(cache)) {
                assertEquals(0, files.count(), "the probe file is removed");
            }
        }
    }
}
