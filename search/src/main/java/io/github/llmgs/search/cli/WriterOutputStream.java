package io.github.llmgs.search.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Lets PrintStream-based reporters write to picocli's PrintWriter (tests capture it). */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter out;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    WriterOutputStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        pending.write(b);
        if (b == '\n' || b == '\r') flush();
    }

    @Override
    public void flush() {
        out.print(pending.toString(StandardCharsets.UTF_8));
        out.flush();
        pending.reset();
    }
}
