package io.github.llmgs.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plays back the responses of a previous run's {@code llm.jsonl}, in the order they were
 * received, without any endpoint. With the same settings (count, prompt mode, seed) the seeder
 * makes the same requests in the same order, so it gets the same completions and the same
 * programs.
 */
final class ReplaySource {

    private final Path file;
    private final List<JsonNode> responses = new ArrayList<>();
    private final String model;
    private final String endpoint;
    private final Long seed;
    private final PromptMode promptMode;
    /** The tasks the recorded requests were for, in order of first appearance. */
    private final Set<String> tasks = new LinkedHashSet<>();
    private int next;

    /**
     * The file's lines, refusing what is not an llm.jsonl before parsing: a binary file (a NUL
     * byte) or text that is not UTF-8, named with the line where it shows.
     */
    private static List<String> lines(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LlmException("replay file " + file + " not found");
        } catch (IOException e) {
            throw new LlmException("cannot read the replay file " + file + ": " + IoReasons.of(e, file), e);
        }
        int line = 1;
        for (byte b : bytes) {
            if (b == 0) {
                throw new LlmException("replay file " + file + ":" + line + ": a binary file, not an llm.jsonl (NUL byte)");
            }
            if (b == '\n') {
                line++;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadUtf8Line(bytes);
            throw new LlmException("replay file " + file + ":" + bad + ": not UTF-8 text (is it an llm.jsonl?)");
        }
        return List.of(text.split("\r?\n", -1));
    }

    private static int firstBadUtf8Line(byte[] bytes) {
        int start = 0;
        int line = 1;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                start = i + 1;
                line++;
            }
        }
        return line;
    }

    private static String firstLine(IOException e) {
        String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
        return msg == null ? "unreadable" : msg.split("\n")[0];
    }

    /**
     * Refuses to replay another task's answers: mixing them into this run would silently seed it
     * with programs written for something else.
     */
    void checkTask(String task) {
        if (!tasks.isEmpty() && !tasks.contains(task)) {
            throw new LlmException("replay file " + file + " was recorded for task " + String.join(", ", tasks)
                    + ", this run is " + task);
        }
    }

    /** The tasks the recorded requests were for. */
    Set<String> tasks() {
        return Set.copyOf(tasks);
    }

    ReplaySource(Path file, ObjectMapper mapper) {
        this.file = file;
        List<String> lines = lines(file);
        String m = null;
        String ep = null;
        JsonNode session = null;
        // split(-1) leaves an empty last element exactly when the file ends with a newline
        boolean endsWithNewline = lines.get(lines.size() - 1).isEmpty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode rec;
            try {
                rec = mapper.readTree(line);
            } catch (IOException e) {
                if (i == lines.size() - 1 && !endsWithNewline) {
                    throw new LlmException("replay file " + file + ":" + (i + 1) + ": the last record is truncated "
                            + "(the file ends mid-line; was the recorded run killed while writing it?)");
                }
                throw new LlmException("replay file " + file + ":" + (i + 1) + ": not JSON ("
                        + firstLine(e) + ")");
            }
            if (rec == null || !rec.isObject()) {
                throw new LlmException("replay file " + file + ":" + (i + 1)
                        + ": not a JSON object (an llm.jsonl holds one object per line)");
            }
            String type = rec.path("type").asText("");
            if (type.equals("session") && session == null) {
                session = rec;
                m = rec.path("model").asText(null);
                ep = rec.path("endpoint").asText(null);
            } else if (type.equals("request") && rec.path("task").isTextual()) {
                tasks.add(rec.path("task").asText());
            } else if (type.equals("response")) {
                if (!rec.path("completions").isArray()) {
                    throw new LlmException("replay file " + file + ":" + (i + 1)
                            + ": a response record without 'completions'");
                }
                responses.add(rec);
            }
        }
        if (session == null && responses.isEmpty()) {
            throw new LlmException("replay file " + file + " holds no session or response records (is it an llm.jsonl?)");
        }
        if (responses.isEmpty()) {
            throw new LlmException("replay file " + file + " holds no LLM responses (the recorded run made no request)");
        }
        this.model = m;
        this.endpoint = ep;
        this.seed = session != null && session.path("seed").canConvertToLong() ? session.path("seed").asLong() : null;
        PromptMode mode = null;
        if (session != null && session.path("prompt_mode").isTextual()) {
            try {
                mode = PromptMode.fromString(session.path("prompt_mode").asText());
            } catch (IllegalArgumentException ignored) {
                mode = null;
            }
        }
        this.promptMode = mode;
    }

    /** The recorded run's seed, or null. */
    Long seed() {
        return seed;
    }

    /** The recorded run's prompt mode, or null when the log does not say. */
    PromptMode promptMode() {
        return promptMode;
    }

    Path file() {
        return file;
    }

    String model() {
        return model;
    }

    String endpoint() {
        return endpoint;
    }

    int size() {
        return responses.size();
    }

    /** The next recorded response; an error when the run asks for more than was recorded. */
    ChatResponse next() {
        if (next >= responses.size()) {
            throw new LlmException("replay file " + file + " has only " + responses.size()
                    + " responses and this run asks for more (were the settings changed since it was recorded?)");
        }
        JsonNode rec = responses.get(next++);
        List<String> texts = new ArrayList<>();
        for (JsonNode c : rec.get("completions")) {
            texts.add(c.asText(""));
        }
        List<String> finish = new ArrayList<>();
        for (JsonNode f : rec.path("finish_reasons")) {
            finish.add(f.isNull() ? null : f.asText());
        }
        JsonNode usage = rec.path("usage");
        return new ChatResponse(List.copyOf(texts), java.util.Collections.unmodifiableList(finish),
                usage.path("prompt_tokens").asLong(-1), usage.path("completion_tokens").asLong(-1),
                usage.path("total_tokens").asLong(-1), rec.path("model_reported").asText(null), null, "replay",
                rec.path("status").asInt(200), 0);
    }
}
