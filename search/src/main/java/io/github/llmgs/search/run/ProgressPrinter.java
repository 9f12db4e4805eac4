package io.github.llmgs.search.run;

import io.github.llmgs.search.method.SearchListener;
import io.github.llmgs.search.method.SearchState;
import java.io.PrintStream;
import java.util.Map;

/**
 * The live progress line: programs evaluated, best score, programs/s and time left. On a
 * terminal it redraws one line; otherwise it prints a plain line every few seconds.
 */
public final class ProgressPrinter implements SearchListener {
    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final SearchListener next;
    /** The first line waits one interval, so its rate and time left are meaningful. */
    private long lastPrint = System.nanoTime();

    public ProgressPrinter(PrintStream out, boolean terminal, double intervalSeconds, SearchListener next) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.next = next;
    }

    @Override
    public void event(String type, Map<String, Object> fields) {
        next.event(type, fields);
    }

    @Override
    public void progress(SearchState state) {
        long now = System.nanoTime();
        if (now - lastPrint < intervalNanos) return;
        lastPrint = now;
        String line = line(state);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    public void finish(SearchState state) {
        if (terminal) out.print("\r" + line(state) + "   \n");
        else out.println(line(state));
        out.flush();
    }

    static String line(SearchState state) {
        double secs = Math.max(1e-9, state.elapsedSeconds());
        double rate = state.evaluated() / secs;
        double left = rate > 0 ? state.remaining() / rate : Double.NaN;
        return String.format("evaluated %,d/%,d  best %.4f  %,.0f programs/s  %s left", state.evaluated(),
                state.budget(), state.bestScore(), rate, formatDuration(left));
    }

    static String formatDuration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return "?";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
