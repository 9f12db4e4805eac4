package io.github.llmgs.search.ui;

import io.github.llmgs.search.http.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The dashboard's HTTP side on Jetty: read-only (GET and HEAD, anything else 405), every
 * response with headers that keep a page from loading anything but its own assets, and, when
 * bound to loopback, only requests addressed to a loopback name (a page on another site cannot
 * reach it through DNS rebinding). What to answer is {@link Routes}' business.
 */
public final class UiServer implements AutoCloseable {
    /** Live streams hold a thread each; beyond this many, a new one is refused with 503. */
    private static final int MAX_STREAMS = 48;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final LocalServer server;
    private final Routes routes;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private volatile boolean stopping;

    private UiServer(LocalServer server, Routes routes) {
        this.server = server;
        this.routes = routes;
    }

    /**
     * Starts serving {@code served} on {@code host:port} (port 0: any free port).
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static UiServer start(ServedDir served, String host, int port) throws IOException {
        UiServer ui = new UiServer(LocalServer.create("llmgs-ui", MAX_STREAMS + 16, host, port), new Routes(served));
        ui.server.start(ui.new Dispatch());
        return ui;
    }

    public int port() {
        return server.port();
    }

    /** The address to open in a browser. */
    public URI uri() {
        return server.uri();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stopping = true;
        server.stop();
    }

    private final class Dispatch extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Reply reply;
            String method = request.getMethod();
            boolean head = "HEAD".equals(method);
            try {
                if (!head && !"GET".equals(method)) {
                    reply = Reply.error(405, "this dashboard is read-only: only GET and HEAD").with("Allow", "GET, HEAD");
                } else if (server.loopback() && !LocalServer.loopbackHost(request.getHeaders().get(HttpHeader.HOST))) {
                    reply = Reply.error(403, "requests must be addressed to this machine by a loopback name");
                } else {
                    reply = routes.answer(Request.getPathInContext(request), query(request), request.getHeaders().get("Last-Event-ID"));
                }
            } catch (BadQuery e) {
                reply = Reply.error(400, "malformed query string");
            } catch (RuntimeException e) {
                // a bug in a route must not take the server down; say which route, not what it read
                System.err.println("llmgs ui: internal error on " + method + " " + Request.getPathInContext(request) + ": "
                        + e.getClass().getSimpleName());
                reply = Reply.error(500, "internal error");
            }
            send(request, response, callback, reply, head);
            return true;
        }
    }

    /** Thrown for a query string that does not decode (%zz): the client's error, not a bug. */
    private static final class BadQuery extends RuntimeException {
        BadQuery() {
            super(null, null, false, false);
        }
    }

    private static org.eclipse.jetty.util.Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadQuery();
        }
    }

    private void send(Request request, Response response, Callback callback, Reply reply, boolean head) {
        response.setStatus(reply.status());
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, reply.type());
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        h.put("Content-Security-Policy", CSP);
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        for (Map.Entry<String, String> e : reply.headers().entrySet()) h.put(e.getKey(), e.getValue());
        if (reply.stream() == null || head) {
            byte[] body = reply.body() == null ? new byte[0] : reply.body();
            h.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
            return;
        }
        if (!streams.tryAcquire()) {
            Reply busy = Reply.error(503, "too many live pages open; close some");
            response.setStatus(503);
            h.put(HttpHeader.CONTENT_TYPE, busy.type());
            response.write(true, ByteBuffer.wrap(busy.body()), callback);
            return;
        }
        try {
            reply.stream().run(new Sink(response));
            Content.Sink.write(response, true, ByteBuffer.allocate(0));
            callback.succeeded();
        } catch (IOException e) {
            callback.failed(e); // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (RuntimeException e) {
            callback.failed(e);
        } finally {
            streams.release();
        }
    }

    private final class Sink implements Reply.EventSink {
        private final Response response;

        Sink(Response response) {
            this.response = response;
        }

        @Override
        public void send(String event, String id, String data) throws IOException {
            StringBuilder sb = new StringBuilder();
            if (event != null) sb.append("event: ").append(event).append('\n');
            if (id != null) sb.append("id: ").append(id).append('\n');
            for (String line : data.split("\n", -1)) sb.append("data: ").append(line).append('\n');
            sb.append('\n');
            Content.Sink.write(response, false, ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void comment(String text) throws IOException {
            Content.Sink.write(response, false, ByteBuffer.wrap((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public boolean open() {
            return !stopping;
        }
    }
}
