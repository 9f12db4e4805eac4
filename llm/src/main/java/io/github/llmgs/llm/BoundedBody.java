package io.github.llmgs.llm;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A response body read through a size cap, never whole: a runaway server (10 MB per choice, an
 * endless chunked stream) costs at most {@code max} bytes of memory and then the connection.
 *
 * @param text    the body, or its first bytes when it is over the cap (for an error excerpt)
 * @param overCap true when the body had more than {@code max} bytes (or declared so)
 */
record BoundedBody(String text, boolean overCap) {

    /** How much of an over-cap body is kept for messages. */
    private static final long EXCERPT_BYTES = 1024;

    static BoundedBody read(ResponseBody body, long max) throws IOException {
        if (body == null) {
            return new BoundedBody("", false);
        }
        if (body.contentLength() > max) {
            return new BoundedBody("", true); // declared too long: not worth reading at all
        }
        MediaType type = body.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        BufferedSource source = body.source();
        // request() buffers until it has max + 1 bytes or the body ends, whichever comes first.
        if (source.request(max + 1)) {
            long keep = Math.min(EXCERPT_BYTES, source.getBuffer().size());
            return new BoundedBody(source.getBuffer().readString(keep, charset), true);
        }
        return new BoundedBody(source.readString(charset), false);
    }
}
