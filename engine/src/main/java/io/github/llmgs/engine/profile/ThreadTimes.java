package io.github.llmgs.engine.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of a CPU backend's pool threads (found by name: {@code llmgs-cpu} and the MiniGrid
 * pools), and of the calling thread, which runs the work itself with one thread, from the JVM's
 * thread CPU clock. The difference of two snapshots over a pass is each thread's busy time; what
 * is left of threads x wall time is the idle share (waiting for the slowest thread, hand-offs).
 */
final class ThreadTimes {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();

    private ThreadTimes() {}

    static boolean supported() {
        return BEAN.isThreadCpuTimeSupported() && BEAN.isThreadCpuTimeEnabled();
    }

    /** Thread id -> CPU nanoseconds, for the pool threads and the caller. */
    static Map<Long, Long> snapshot() {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (!supported()) return out;
        out.put(Thread.currentThread().getId(), BEAN.getCurrentThreadCpuTime());
        for (ThreadInfo t : BEAN.getThreadInfo(BEAN.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("llmgs-")) {
                long ns = BEAN.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) out.put(t.getThreadId(), ns);
            }
        }
        return out;
    }

    /** Per thread, CPU nanoseconds spent between the snapshots (threads that did nothing left out). */
    static Map<Long, Long> between(Map<Long, Long> before, Map<Long, Long> after) {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) out.put(e.getKey(), d);
        }
        return out;
    }
}
