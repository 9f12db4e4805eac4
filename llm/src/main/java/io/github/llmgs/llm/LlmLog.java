package io.github.llmgs.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code llm.jsonl}: one JSON object per line, flushed as it is written. Record types:
 * {@code session} (model, endpoint, settings), {@code request} (prompts, n, seed, cache key),
 * {@code retry}, {@code response} (raw completions, each cut at 64 Ki characters with a note of
 * its length and listed in {@code truncated_completions}; finish reasons, token usage, timing,
 * source),
 * {@code parse} (per completion: the program kept or the rejection reasons), {@code summary},
 * {@code error}. Every record has {@code type} and {@code time}.
 *
 * <p>Secrets never reach the file: every line is scrubbed of the API key (raw and JSON-escaped)
 * before it is written, whatever field it might have come in through.
 */
public final class LlmLog implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;
    private final List<String> secrets = new ArrayList<>();

    private LlmLog(Path file, BufferedWriter out, Collection<String> secrets) {
        this.file = file;
        this.out = out;
        for (String s : secrets) {
            if (s != null && !s.isBlank()) {
                this.secrets.add(s);
                try {
                    String escaped = MAPPER.writeValueAsString(s);
                    this.secrets.add(escaped.substring(1, escaped.length() - 1));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Creates (or truncates) the file, making its directory if needed. */
    public static LlmLog open(Path file, Collection<String> secrets) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return new LlmLog(file, w, secrets);
        } catch (IOException e) {
            throw new LlmException("cannot write the LLM log " + file + ": " + e.getMessage(), e);
        }
    }

    /** A log that writes nothing. */
    public static LlmLog none() {
        return new LlmLog(null, null, List.of());
    }

    public Path file() {
        return file;
    }

    /** Writes one record: {@code {"type": type, "time": now, ...fields}}. */
    public synchronized void write(String type, Map<String, ?> fields) {
        if (out == null) {
            return;
        }
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("type", type);
        rec.put("time", Instant.now().toString());
        rec.putAll(fields);
        try {
            String line = MAPPER.writeValueAsString(rec);
            for (String s : secrets) {
                line = line.replace(s, "[REDACTED]");
            }
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new LlmException("cannot write the LLM log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new LlmException("cannot close the LLM log " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
