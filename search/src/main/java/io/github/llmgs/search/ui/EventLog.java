package io.github.llmgs.search.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads events.jsonl from a byte offset on, whole lines only: a search flushes line by line, so
 * a line without its newline is still being written and is left for the next read. A line that
 * is not a JSON object is skipped (a file damaged by hand must not stop the page).
 */
public final class EventLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** More than this per read is left for the next one, so a huge log cannot fill memory at once. */
    private static final int MAX_READ = 4 << 20;

    private EventLog() {}

    public record Event(long end, Map<String, Object> fields) {
        public String type() {
            return fields.get("type") instanceof String s ? s : "";
        }
    }

    /** The complete lines after {@code offset}; each event knows the offset just past its line. */
    public record Chunk(List<Event> events, long next) {}

    public static Chunk read(Path file, long offset) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (offset < 0 || offset > size) offset = 0; // the file was replaced (--overwrite): start again
            int length = (int) Math.min(size - offset, MAX_READ);
            ByteBuffer buf = ByteBuffer.allocate(length);
            while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                // read until the buffer is full or the file ends
            }
            byte[] bytes = buf.array();
            List<Event> events = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < buf.position(); i++) {
                if (bytes[i] != '\n') continue;
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                start = i + 1;
                Map<String, Object> fields = parse(line);
                if (fields != null) events.add(new Event(offset + start, fields));
            }
            return new Chunk(events, offset + start);
        } catch (NoSuchFileException e) {
            return new Chunk(List.of(), 0);
        } catch (IOException e) {
            return new Chunk(List.of(), offset);
        }
    }

    public static List<Event> all(Path file) {
        List<Event> all = new ArrayList<>();
        long at = 0;
        while (true) {
            Chunk c = read(file, at);
            all.addAll(c.events());
            if (c.next() == at) return all;
            at = c.next();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        if (line.isEmpty()) return null;
        try {
            Object v = JSON.readValue(line, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (IOException e) {
            return null;
        }
    }
}
