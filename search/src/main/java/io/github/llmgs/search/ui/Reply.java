package io.github.llmgs.search.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a route answers, as data: a status, a content type and a body, or a stream of
 * server-sent events that the server feeds until the stream returns or the client leaves.
 */
record Reply(int status, String type, byte[] body, Map<String, String> headers, Stream stream) {

    /** Writes server-sent events; returns when the stream is done. */
    interface Stream {
        void run(EventSink sink) throws IOException, InterruptedException;
    }

    /** Where a stream writes; a write to a client that has gone throws IOException. */
    interface EventSink {
        void send(String event, String id, String data) throws IOException;

        void comment(String text) throws IOException;

        /** False once the server is stopping: a stream then returns. */
        boolean open();
    }

    static Reply html(String page) {
        return new Reply(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of(), null);
    }

    static Reply bytes(String type, byte[] body) {
        return new Reply(200, type, body, Map.of(), null);
    }

    static Reply error(int status, String message) {
        String page = Html.page("Error " + status, "<h1>" + status + "</h1><p class=\"error\">" + Html.escape(message) + "</p>");
        return new Reply(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of(), null);
    }

    static Reply events(Stream stream) {
        return new Reply(200, "text/event-stream; charset=utf-8", null, Map.of(), stream);
    }

    Reply with(String header, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(header, value);
        return new Reply(status, type, body, Map.copyOf(h), stream);
    }
}
