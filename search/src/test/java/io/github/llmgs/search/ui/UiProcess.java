package io.github.llmgs.search.ui;

import io.github.llmgs.search.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code llmgs ui --out DIR --port 0} run in-process on its own thread, stopped by interrupting it. */
final class UiProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ");

    private final Thread thread;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final URI uri;

    UiProcess(Path dir) throws InterruptedException {
        thread = new Thread(() -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "ui", "--out", dir.toString(),
                "--port", "0"), "llmgs-ui-test");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        Matcher m;
        while (!(m = URL.matcher(out.toString())).find()) {
            if (!thread.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("llmgs ui did not start:\n" + out + err);
            }
            Thread.sleep(20);
        }
        uri = URI.create(m.group(1));
    }

    URI uri() {
        return uri;
    }

    String output() {
        return out.toString() + err;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }
}
