package io.github.llmgs.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that writes raw bytes, for what MockWebServer cannot script: a body
 * that never ends, or one that stops half-way and hangs. Each request is read whole (head and
 * Content-Length body), counted, then handed to the handler with the socket's output.
 */
final class RawServer implements AutoCloseable {

    interface Handler {
        void respond(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    RawServer(Handler handler) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    clients.add(c);
                    Thread t = new Thread(() -> serve(c, handler), "raw-server-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "raw-server-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void serve(Socket c, Handler handler) {
        try (c) {
            InputStream in = c.getInputStream();
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.readNBytes(length);
            requests.incrementAndGet();
            handler.respond(c.getOutputStream());
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the client hung up: that is what these tests provoke
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int x = in.read();
            if (x < 0) {
                throw new IOException("closed before the request head ended");
            }
            b.write(x);
            matched = x == end[matched] ? matched + 1 : (x == '\r' ? 1 : 0);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** The base URL, e.g. http://127.0.0.1:PORT/v1. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket c : clients) {
            c.close();
        }
    }
}
