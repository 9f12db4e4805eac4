package io.github.llmgs.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One chat-completions request body. Field order is fixed, so the JSON (and the cache key made
 * from it) is the same for the same request. The API key is never part of it.
 */
record ChatRequest(String model, List<ChatMessage> messages, int n, double temperature, double topP,
                   Integer maxTokens, Long seed) {

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("model", model);
        ArrayNode ms = o.putArray("messages");
        for (ChatMessage m : messages) {
            ms.addObject().put("role", m.role()).put("content", m.content());
        }
        o.put("n", n);
        o.put("temperature", temperature);
        o.put("top_p", topP);
        if (maxTokens != null) {
            o.put("max_tokens", maxTokens);
        }
        if (seed != null) {
            o.put("seed", seed);
        }
        return o;
    }

    String toJsonString(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(toJson(mapper));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
