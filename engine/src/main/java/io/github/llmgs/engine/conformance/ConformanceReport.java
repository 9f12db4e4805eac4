package io.github.llmgs.engine.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts checks per file, keeps the first mismatches for printing. */
public final class ConformanceReport {
    private static final int MAX_KEPT = 20;
    private final Map<String, int[]> perFile = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private int passed;
    private int failed;

    public void pass(String file) {
        passed++;
        perFile.computeIfAbsent(file, f -> new int[2])[0]++;
    }

    public void fail(String file, String description) {
        failed++;
        perFile.computeIfAbsent(file, f -> new int[2])[1]++;
        if (mismatches.size() < MAX_KEPT) {
            mismatches.add(file + ": " + description);
        }
    }

    public int passed() { return passed; }
    public int failed() { return failed; }
    public List<String> mismatches() { return List.copyOf(mismatches); }

    public void print(PrintStream out) {
        if (!mismatches.isEmpty()) {
            out.println("First mismatches:");
            for (String m : mismatches) {
                out.println("  " + m.replace("\n", "\n    "));
            }
            if (failed > mismatches.size()) {
                out.println("  ... and " + (failed - mismatches.size()) + " more");
            }
        }
        for (Map.Entry<String, int[]> e : perFile.entrySet()) {
            out.printf("%-22s %7d passed, %d failed%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        out.println(passed + " passed, " + failed + " failed");
    }
}
