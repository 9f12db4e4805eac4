package io.github.llmgs.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The useful part of a chat-completions response: the completions' text in order, their finish
 * reasons, token usage (-1 where the server did not say), the model the server reports, and
 * where it came from ({@code network}, {@code cache}, {@code replay}).
 */
record ChatResponse(List<String> completions, List<String> finishReasons, long promptTokens,
                    long completionTokens, long totalTokens, String model, String rawBody,
                    String source, int status, int attempts) {

    /** A 2xx body that is not a usable chat-completions response. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message);
        }
    }

    static ChatResponse parse(ObjectMapper mapper, String body, String source, int status, int attempts)
            throws MalformedResponse {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            throw new MalformedResponse("malformed JSON (" + (why == null ? "unreadable" : why.split("\n")[0]) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponse("response is not a JSON object");
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray()) {
            JsonNode err = root.get("error");
            if (err != null) {
                String msg = err.isObject() ? err.path("message").asText(err.toString()) : err.asText();
                throw new MalformedResponse("error in response body: " + msg);
            }
            throw new MalformedResponse("response has no 'choices' array");
        }
        List<String> texts = new ArrayList<>();
        List<String> finish = new ArrayList<>();
        for (JsonNode c : choices) {
            JsonNode content = c.path("message").path("content");
            String text;
            if (content.isTextual()) {
                text = content.asText();
            } else if (content.isArray()) { // content parts: [{type: text, text: ...}]
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : content) {
                    sb.append(part.path("text").asText(""));
                }
                text = sb.toString();
            } else if (c.path("text").isTextual()) { // legacy completions shape
                text = c.path("text").asText();
            } else {
                text = "";
            }
            texts.add(text);
            JsonNode fr = c.get("finish_reason");
            finish.add(fr == null || fr.isNull() ? null : fr.asText());
        }
        JsonNode usage = root.path("usage");
        return new ChatResponse(List.copyOf(texts), java.util.Collections.unmodifiableList(finish),
                usage.path("prompt_tokens").asLong(-1), usage.path("completion_tokens").asLong(-1),
                usage.path("total_tokens").asLong(-1), root.path("model").asText(null), body, source, status,
                attempts);
    }
}
