package io.github.llmgs.search.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes and the refusals, over HTTP on 127.0.0.1 (port 0). */
class UiServerTest {
    @TempDir
    static Path tmp;
    static Path out;
    static UiServer server;
    static OkHttpClient http = new OkHttpClient.Builder().readTimeout(20, TimeUnit.SECONDS).build();

    @BeforeAll
    static void start() throws IOException {
        out = Files.createDirectories(tmp.resolve("out"));
        UiFixture.finished(out, "Harvester", "hc", 0, 0.5);
        UiFixture.finished(out, "Harvester", "hc", 1, 0.75);
        UiFixture.finished(out, "Harvester", "shc", 2, 0.25);
        Files.writeString(out.resolve("summary.csv"), "task,method,runs,best_mean\nHarvester,hc,2,0.625\nHarvester,shc,1,0.25\n");
        Files.writeString(out.resolve("summary.md"), "| task |\n");
        Files.writeString(tmp.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(out.resolve("escape"), tmp);
        Files.createSymbolicLink(out.resolve("secret-link.txt"), tmp.resolve("secret.txt"));
        server = UiServer.start(new ServedDir(out), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Got(int code, String type, byte[] body, okhttp3.Headers headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Got get(String path) throws IOException {
        return call(new Request.Builder().url(server.uri().resolve(path).toString()).build());
    }

    static Got call(Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            return new Got(r.code(), r.header("Content-Type"), r.body() == null ? new byte[0] : r.body().bytes(), r.headers());
        }
    }

    /** A request line sent as written: an HTTP client would normalise the paths these tests need. */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(request.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            StringBuilder all = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) all.append(line).append('\n');
            return all.toString();
        }
    }

    static int rawStatus(String path) throws IOException {
        String reply = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertFalse(reply.contains("SECRET"), path + " leaked the file:\n" + reply);
        return Integer.parseInt(reply.split(" ", 3)[1]);
    }

    @Test
    void runsListSortsAndFiltersWithoutScript() throws IOException {
        Got list = get("/");
        assertEquals(200, list.code());
        assertTrue(list.type().startsWith("text/html"));
        String html = list.text();
        assertTrue(html.contains("data-id=\"Harvester/hc/0\"") && html.contains("data-id=\"Harvester/shc/2\""), html);
        assertTrue(html.contains("3 runs"));
        assertTrue(html.contains("href=\"/sweep/\""), "the top folder's summary is a sweep");
        String sorted = get("/?sort=best&desc=1").text();
        assertTrue(sorted.indexOf("Harvester/hc/1") < sorted.indexOf("Harvester/hc/0")
                && sorted.indexOf("Harvester/hc/0") < sorted.indexOf("Harvester/shc/2"), "best score, descending");
        String filtered = get("/?q=shc").text();
        assertTrue(filtered.contains("Harvester/shc/2") && !filtered.contains("data-id=\"Harvester/hc/0\""));
        assertTrue(filtered.contains("1 run<"));
    }

    @Test
    void runPageShowsItsPartsAndTheImagesAreImages() throws IOException {
        Got page = get("/run/Harvester/hc/1?instance=2");
        assertEquals(200, page.code());
        String html = page.text();
        assertTrue(html.contains("<pre id=\"program\">DEF run m(\n  WHILE c( frontIsClear c) w(\n    move\n"), html);
        assertTrue(html.contains("src=\"/run/Harvester/hc/1/curve?v="));
        assertTrue(html.contains("src=\"/run/Harvester/hc/1/episode.gif?instance=2&amp;v="));
        assertTrue(html.contains("<option value=\"2\" selected>"));
        assertTrue(html.contains("<td>new_best</td>") && html.contains("<td>end</td>"), "the events table");
        assertTrue(html.contains("<pre id=\"python\">def run():\n    while frontIsClear():\n        move()\n"), html);
        assertTrue(html.contains("href=\"/files/Harvester/hc/1/curve.csv\"") && !html.contains("llm.jsonl"), "only the files it has");

        Got curve = get("/run/Harvester/hc/1/curve");
        assertEquals("image/png", curve.type(), "a finished run's curve comes from the plot API");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(curve.body(), 4));
        Got gif = get("/run/Harvester/hc/1/episode.gif?instance=2");
        assertEquals(200, gif.code(), gif.text());
        assertEquals("image/gif", gif.type());
        assertEquals("GIF89a", new String(gif.body(), 0, 6, StandardCharsets.US_ASCII));
        assertEquals(400, get("/run/Harvester/hc/1/episode.gif?instance=-1").code());
        assertEquals(400, get("/run/Harvester/hc/1?instance=abc").code());
        assertEquals(404, get("/run/Harvester/hc/9").code());
    }

    @Test
    void sweepPageAndItsPlots() throws IOException {
        String html = get("/sweep/").text();
        assertTrue(html.contains("<td>Harvester</td>") && html.contains("<td>0.625</td>"), html);
        assertTrue(html.contains("src=\"/sweep/plot.png?task=Harvester\""), html);
        Got png = get("/sweep/plot.png?task=Harvester");
        assertEquals(200, png.code(), png.text());
        assertEquals("image/png", png.type());
        assertEquals(400, get("/sweep/plot.png?task=DoorKey").code(), "no runs of that task");
        assertEquals(400, get("/sweep/plot.png?task=..%2F..").code());
        assertEquals(404, get("/sweep/Harvester").code(), "a folder without a summary is no sweep");
    }

    @Test
    void filesUnderTheDirectoryAreServedAsData() throws IOException {
        Got f = get("/files/Harvester/hc/0/curve.csv");
        assertEquals(200, f.code());
        assertTrue(f.text().startsWith("programs_evaluated,best_score"));
        assertEquals("sandbox", f.headers().get("Content-Security-Policy"));
        assertEquals("nosniff", f.headers().get("X-Content-Type-Options"));
        assertEquals(404, get("/files/Harvester").code(), "no folder listings");
        assertEquals(200, get("/assets/ui.js").code());
        assertEquals(200, get("/assets/ui.css").code());
    }

    @Test
    void nothingOutsideTheDirectoryIsReachable() throws IOException {
        String secret = tmp.resolve("secret.txt").toString();
        for (String path : new String[] {"/files/../secret.txt", "/files/%2e%2e/secret.txt", "/files/%2E%2E%2Fsecret.txt",
                "/files/..%2fsecret.txt", "/files/.%2e/secret.txt", "/files/%252e%252e/secret.txt", "/files/..;/secret.txt",
                "/files/" + secret, "/files//" + secret, "/files/%2F" + secret.substring(1).replace("/", "%2F"),
                "/files/escape/secret.txt", "/files/secret-link.txt", "/run/../../secret.txt", "/sweep/escape",
                "/run/escape/x/y", "/files/..\\secret.txt", "/files/%5c..%5csecret.txt", "/files/%00", "/" + secret,
                "http://127.0.0.1/files/../secret.txt"}) {
            int status = rawStatus(path);
            assertTrue(status == 400 || status == 404, path + " -> " + status);
        }
    }

    @Test
    void readOnly() throws IOException {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            Got r = call(new Request.Builder().url(server.uri().resolve("/").toString())
                    .method(method, RequestBody.create(new byte[0])).build());
            assertEquals(405, r.code(), method);
            assertEquals("GET, HEAD", r.headers().get("Allow"));
        }
        Got head = call(new Request.Builder().url(server.uri().resolve("/run/Harvester/hc/0").toString()).head().build());
        assertEquals(200, head.code());
        assertEquals(0, head.body().length);
        assertTrue(Long.parseLong(head.headers().get("Content-Length")) > 1000);
        assertTrue(raw("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 405"));
    }

    @Test
    void malformedRequestsAreRefusedAndTheServerGoesOn() throws IOException {
        assertTrue(raw("HELLO\r\n\r\n").startsWith("HTTP/1.1 400"));
        assertTrue(raw("GET / HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 400"), "no Host header");
        // an oversize request line is refused: a 4xx, or (when the server closes while the client
        // is still sending) the connection dropped without a reply; never a page
        String huge;
        try {
            huge = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        } catch (java.net.SocketException reset) {
            huge = "";
        }
        assertTrue(huge.isEmpty() || huge.matches("(?s)HTTP/1.1 4\\d\\d.*"), huge);
        assertTrue(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n").startsWith("HTTP/1.1 400"));
        assertTrue(raw("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 400"));
        assertTrue(raw("GET /?q=%zz&sort=%%% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 400"));
        assertEquals(200, get("/").code(), "still serving");
    }

    @Test
    void aPageOnAnotherSiteCannotReachItByName() throws IOException {
        assertTrue(raw("GET / HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 403"));
        assertTrue(raw("GET / HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 200"));
    }

    @Test
    void pagesLoadOnlyTheirOwnAssets() throws IOException {
        Got page = get("/");
        String csp = page.headers().get("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
        assertFalse(page.text().contains("http://") || page.text().contains("https://"), "no address outside the server");
        String script = get("/assets/ui.js").text();
        assertFalse(script.contains("http://") || script.contains("https://"), "the script fetches nothing from outside");
    }

    @Test
    void aRunningRunIsFollowedLiveUntilItsResultAppears() throws Exception {
        Path dir = UiFixture.running(out, "Harvester", "random", 7);
        String list = get("/").text();
        for (long end = System.nanoTime() + 5_000_000_000L; !list.contains("Harvester/random/7") && System.nanoTime() < end; ) {
            Thread.sleep(100); // the list is read again at most a few times a second
            list = get("/").text();
        }
        assertTrue(list.contains("data-id=\"Harvester/random/7\" class=\"running\""), list);
        Got svg = get("/run/Harvester/random/7/curve");
        assertEquals("image/svg+xml", svg.type(), "while running, the curve is drawn from events.jsonl");
        assertTrue(svg.text().contains("<path"));
        long from = Files.size(dir.resolve("events.jsonl"));
        OkHttpClient streaming = http.newBuilder().readTimeout(15, TimeUnit.SECONDS).build();
        Request live = new Request.Builder().url(server.uri().resolve("/run/Harvester/random/7/live?from=" + from).toString()).build();
        try (Response r = streaming.newCall(live).execute()) {
            assertEquals("text/event-stream; charset=utf-8", r.header("Content-Type"));
            okio.BufferedSource in = r.body().source();
            readUntil(in, "event: run");
            assertTrue(readUntil(in, "\n\n").contains("\"phase\":\"running\""));
            UiFixture.append(dir.resolve("events.jsonl"), UiFixture.newBest(30, 0.5, UiFixture.PROGRAM));
            String got = readUntil(in, "\"best_score\":0.5");
            assertTrue(got.contains("event: event") && got.contains("\"pretty\":\"DEF run m(\\n"), got);
            Files.writeString(dir.resolve("result.json"), "{\"task\":\"Harvester\",\"method\":\"random\",\"seed\":7,"
                    + "\"status\":\"budget\",\"best_score\":0.5,\"best_program\":\"" + UiFixture.PROGRAM + "\",\"programs_evaluated\":50}");
            String end = readUntil(in, "event: end");
            assertTrue(readUntil(in, "\n\n").contains("\"phase\":\"finished\""), end);
            assertTrue(in.exhausted(), "the stream ends with the run");
        }
    }

    /** What the stream holds up to and including {@code marker}. */
    private static String readUntil(okio.BufferedSource in, String marker) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().contains(marker)) {
            String line = in.readUtf8Line();
            if (line == null) throw new IOException("stream ended before '" + marker + "': " + sb);
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
