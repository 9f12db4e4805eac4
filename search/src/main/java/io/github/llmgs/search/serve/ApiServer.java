package io.github.llmgs.search.serve;

import io.github.llmgs.search.http.LocalServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The evaluation API's HTTP side on Jetty, as the dashboard's: JSON in, JSON out, every refusal
 * a 4xx with {@code {"error", "field"}}. Bound to loopback it answers only requests addressed to
 * a loopback name (no DNS rebinding); given a token it answers only requests that carry it as
 * {@code Authorization: Bearer TOKEN} (compared in constant time; never logged). At most
 * {@link ServeLimits#maxInFlight} evaluations run at once (one more is 429), each answered
 * within {@link ServeLimits#requestSeconds} or 503. What to answer is {@link ApiRoutes}' business.
 */
public final class ApiServer implements AutoCloseable {
    private final LocalServer server;
    private final ApiRoutes routes;
    private final ServeLimits limits;
    private final byte[] token;
    private final Semaphore inFlight;
    private final ExecutorService workers;
    private final Engine engine;

    private ApiServer(LocalServer server, Engine engine, ServeLimits limits, String version, byte[] token) {
        this.server = server;
        this.engine = engine;
        this.routes = new ApiRoutes(engine, limits, version);
        this.limits = limits;
        this.token = token;
        this.inFlight = new Semaphore(limits.maxInFlight());
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "llmgs-serve-eval");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Serves the engine of these backends on {@code host:port} (port 0: any free port). The
     * backends stay the caller's to close, after this server.
     *
     * @param token the bearer token every request must carry, or null for none (loopback only:
     *              the caller refuses another address without one)
     * @throws IOException when the address cannot be bound
     */
    public static ApiServer start(io.github.llmgs.engine.batch.Backend karel, io.github.llmgs.engine.minigrid.MiniGridEpisodes miniGrid,
            ServeLimits limits, String version, String host, int port, String token) throws IOException {
        LocalServer server = LocalServer.create("llmgs-serve", limits.maxInFlight() + 24, host, port);
        if (!server.loopback() && (token == null || token.isEmpty())) {
            throw new IllegalArgumentException("listening on " + host + " needs a token");
        }
        Engine engine = new Engine(karel, miniGrid);
        ApiServer api = new ApiServer(server, engine, limits, version,
                token == null ? null : token.getBytes(StandardCharsets.UTF_8));
        try {
            server.start(api.new Dispatch());
        } catch (IOException e) {
            engine.close();
            throw e;
        }
        return api;
    }

    public int port() {
        return server.port();
    }

    public URI uri() {
        return server.uri();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        server.stop();
        workers.shutdownNow();
        engine.close();
    }

    private final class Dispatch extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            ApiReply reply;
            String method = request.getMethod();
            String path = Request.getPathInContext(request);
            try {
                reply = answer(request, method, path);
            } catch (ApiError e) {
                reply = ApiReply.of(e);
            } catch (RuntimeException e) {
                // a bug must not take the server down; say where, not what the request held
                System.err.println("llmgs serve: internal error on " + method + " " + path + ": " + e.getClass().getSimpleName());
                reply = ApiReply.error(500, null, "internal error");
            }
            send(response, callback, reply);
            return true;
        }
    }

    private ApiReply answer(Request request, String method, String path) {
        if (server.loopback() && !LocalServer.loopbackHost(request.getHeaders().get(HttpHeader.HOST))) {
            return ApiReply.error(403, null, "requests must be addressed to this machine by a loopback name");
        }
        if (token != null && !authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return ApiReply.error(401, "Authorization", "a bearer token is required: Authorization: Bearer TOKEN")
                    .with("WWW-Authenticate", "Bearer");
        }
        String allow = ApiRoutes.allowed(path);
        if (allow == null) return ApiReply.error(404, null, "no such route; routes: " + ApiRoutes.ROUTES);
        if (!allow.equals(method)) return ApiReply.error(405, null, path + " takes " + allow).with("Allow", allow);
        return switch (path) {
            case ApiRoutes.HEALTH -> routes.health();
            case ApiRoutes.TASKS -> routes.tasks();
            case ApiRoutes.TRACE -> work(request, routes::trace);
            default -> work(request, routes::evaluate);
        };
    }

    /** A POST route's body read within the limits, then answered on a worker within the time limit. */
    private ApiReply work(Request request, Function<byte[], ApiReply> route) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            return ApiReply.error(415, "Content-Type", "send the body as application/json");
        }
        long length = request.getLength();
        if (length > limits.maxBodyBytes()) {
            return ApiReply.error(413, null, "body of " + length + " bytes; at most " + limits.maxBodyBytes());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(limits.maxBodyBytes() + 1);
        } catch (IOException | RuntimeException e) {
            return ApiReply.error(400, null, "cannot read the body");
        }
        if (body.length > limits.maxBodyBytes()) {
            return ApiReply.error(413, null, "body over " + limits.maxBodyBytes() + " bytes");
        }
        if (!inFlight.tryAcquire()) {
            return ApiReply.error(429, null, limits.maxInFlight() + " evaluations are running; retry shortly").with("Retry-After", "1");
        }
        Future<ApiReply> work;
        try {
            work = workers.submit(() -> {
                try {
                    return route.apply(body);
                } catch (ApiError e) {
                    return ApiReply.of(e);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            return ApiReply.error(503, null, "the server is stopping");
        }
        try {
            return work.get((long) (limits.requestSeconds() * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // work still queued (at the batcher, or for the backend) is withdrawn and frees its
            // place now; work already in an engine call finishes in the background
            work.cancel(true);
            return ApiReply.error(503, null, "not done within " + limits.requestSeconds() + " s; send fewer programs or seeds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiReply.error(503, null, "the server is stopping");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            System.err.println("llmgs serve: internal error on POST " + Request.getPathInContext(request) + ": " + c.getClass().getSimpleName());
            return ApiReply.error(500, null, "internal error");
        }
    }

    private boolean authorized(String header) {
        if (header == null) return false;
        String h = header.strip();
        if (h.length() < 7 || !h.substring(0, 7).equalsIgnoreCase("Bearer ")) return false;
        return MessageDigest.isEqual(h.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }

    private void send(Response response, Callback callback, ApiReply reply) {
        response.setStatus(reply.status());
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        h.put("X-Content-Type-Options", "nosniff");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        for (Map.Entry<String, String> e : reply.headers().entrySet()) h.put(e.getKey(), e.getValue());
        h.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
