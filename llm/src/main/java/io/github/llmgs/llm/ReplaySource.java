package io.github.llmgs.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    private int next;

    ReplaySource(Path file, ObjectMapper mapper) {
        this.file = file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LlmException("replay file " + file + " not found");
        } catch (IOException e) {
            throw new LlmException("cannot read the replay file " + file + ": " + e.getMessage(), e);
        }
        String m = null;
        String ep = null;
        JsonNode session = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode rec;
            try {
                rec = mapper.readTree(line);
            } catch (IOException e) {
                throw new LlmException("replay file " + file + " line " + (i + 1) + " is not JSON: "
                        + e.getMessage().split("\n")[0]);
            }
            String type = rec.path("type").asText("");
            if (type.equals("session") && session == null) {
                session = rec;
                m = rec.path("model").asText(null);
                ep = rec.path("endpoint").asText(null);
            } else if (type.equals("response")) {
                if (!rec.path("completions").isArray()) {
                    throw new LlmException("replay file " + file + " line " + (i + 1)
                            + ": a response record without 'completions'");
                }
                responses.add(rec);
            }
        }
        if (responses.isEmpty()) {
            throw new LlmException("replay file " + file + " holds no LLM responses (is it an llm.jsonl?)");
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
