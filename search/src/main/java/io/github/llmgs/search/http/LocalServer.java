package io.github.llmgs.search.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded Jetty that the dashboard and the evaluation API run on: one connector, daemon
 * threads, no version or stack traces in any answer, and a quick stop. What the server answers
 * is its handler's business; whether the request named this machine is {@link #loopbackHost}'s.
 */
public final class LocalServer {
    private final Server server;
    private final ServerConnector connector;
    private final boolean loopback;

    private LocalServer(Server server, ServerConnector connector, boolean loopback) {
        this.server = server;
        this.connector = connector;
        this.loopback = loopback;
    }

    /**
     * A server for {@code host:port} (port 0: any free port), not yet started.
     *
     * @param maxThreads Jetty's pool, long-lived streams included
     */
    public static LocalServer create(String threadName, int maxThreads, String host, int port) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 4);
        threads.setName(threadName);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setStopTimeout(2_000);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        return new LocalServer(server, connector, address.isLoopbackAddress());
    }

    /**
     * Starts serving with {@code handler}; on failure the server is stopped again.
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public void start(Handler handler) throws IOException {
        server.setHandler(handler);
        try {
            server.start();
        } catch (IOException e) {
            stop();
            throw e;
        } catch (Exception e) {
            stop();
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** Whether it listens on a loopback address only (then requests must name this machine). */
    public boolean loopback() {
        return loopback;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address to open in a browser or give a client. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null || host.isEmpty() || host.equals("0.0.0.0")) host = "127.0.0.1";
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public void join() throws InterruptedException {
        server.join();
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // a server that never started, or whose connections are already gone
        }
    }

    /**
     * "127.0.0.1:8787", "localhost", "[::1]:8787": a Host header that can only mean this machine,
     * so a page on another site cannot reach a loopback server through DNS rebinding.
     */
    public static boolean loopbackHost(String host) {
        if (host == null) return false;
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        if (colon >= 0) h = h.substring(0, colon);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
