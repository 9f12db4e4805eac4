package io.github.llmgs.search.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers, as data: a status, a JSON body and extra headers. */
record ApiReply(int status, byte[] body, Map<String, String> headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ApiReply json(int status, Object value) {
        try {
            return new ApiReply(status, JSON.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            return new ApiReply(500, "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    /** {@code {"error": message, "field": field}}; field is left out when the request as a whole is at fault. */
    static ApiReply error(int status, String field, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        if (field != null) m.put("field", field);
        return json(status, m);
    }

    static ApiReply of(ApiError e) {
        return error(e.status(), e.field(), e.getMessage());
    }

    ApiReply with(String header, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(header, value);
        return new ApiReply(status, body, Map.copyOf(h));
    }
}
