package io.github.llmgs.search.cli;

import io.github.llmgs.engine.profile.DeviceTimes;
import io.github.llmgs.engine.profile.EpisodeStats;
import io.github.llmgs.engine.profile.ProfileResult;
import io.github.llmgs.engine.profile.TimeSplit;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of {@code profile --json} (schema {@value #SCHEMA}, documented in the README) and
 * the same figures as text: per backend its throughput, time split and balance, and the machine
 * it ran on, so that figures from two machines are never mixed silently.
 */
final class ProfileJson {
    static final String SCHEMA = "llmgs.profile/2";

    private ProfileJson() {}

    /** CPU model, cores, OS and JVM of this machine. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu_model", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
            }
        } catch (Exception e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static final Pattern OPENCL = Pattern.compile("^(.*) \\((.*), OpenCL (.*), driver (.*)\\)$");

    /** An OpenCL device string ({@code name (platform, OpenCL version, driver version)}) in fields; null for other devices. */
    static Map<String, Object> openCl(String device) {
        Matcher m = OPENCL.matcher(device);
        if (!m.matches()) return null;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("device", m.group(1));
        o.put("platform", m.group(2));
        o.put("version", m.group(3));
        o.put("driver", m.group(4));
        return o;
    }

    /** One backend's figures: throughput, the time split per timed pass, the balance. */
    static Map<String, Object> backend(ProfileResult r, double speedup) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("backend", r.backend());
        j.put("device", r.device());
        Map<String, Object> cl = openCl(r.device());
        if (cl != null) j.put("opencl", cl);
        j.put("programs_per_s", r.programsPerSecond());
        j.put("episodes_per_s", r.episodesPerSecond());
        j.put("calls_per_s", r.callsPerSecond());
        j.put("checksum", r.checksum());
        j.put("calls", r.calls());
        j.put("median_seconds", r.medianSeconds());
        j.put("pass_seconds", r.passSeconds());
        j.put("speedup_vs_first", speedup);
        if (r.split() != null) j.put("time", time(r.split()));
        if (r.stats() != null) j.put("balance", balance(r.stats()));
        return j;
    }

    static Map<String, Object> time(TimeSplit s) {
        Map<String, Object> t = new LinkedHashMap<>();
        int n = s.passes();
        t.put("passes", n);
        t.put("wall_s", s.wallSeconds() / n);
        DeviceTimes d = s.device();
        if (d != null) {
            t.put("kernel_s", d.kernelNanos() / 1e9 / n);
            t.put("upload_s", d.uploadNanos() / 1e9 / n);
            t.put("download_s", d.downloadNanos() / 1e9 / n);
            t.put("compile_s", d.compileNanos() / 1e9 / n);
            t.put("pack_s", d.packNanos() / 1e9 / n);
            t.put("unpack_s", d.unpackNanos() / 1e9 / n);
            t.put("evaluate_s", d.evaluateNanos() / 1e9 / n);
            t.put("other_s", Math.max(0, d.evaluateNanos() - d.deviceNanos() - d.hostNanos()) / 1e9 / n);
            t.put("launches_per_pass", (double) d.launches() / n);
            t.put("kernel_s_per_launch", d.launches() == 0 ? 0 : d.kernelNanos() / 1e9 / d.launches());
            t.put("work_group_size", d.workGroupSize());
            t.put("work_items_per_launch", d.launches() == 0 ? 0 : (double) d.workItems() / d.launches());
        }
        double[] busy = s.threadBusySeconds();
        if (busy != null && d == null) {
            double[] perPass = new double[busy.length];
            for (int i = 0; i < busy.length; i++) perPass[i] = busy[i] / n;
            t.put("threads", busy.length);
            t.put("thread_busy_s", perPass);
            t.put("idle_share", s.idleShare());
        }
        return t;
    }

    static Map<String, Object> balance(EpisodeStats s) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("lanes", s.lanes());
        b.put("warp_balance", s.balance());
        b.put("mean_warp_balance", s.meanWarpBalance());
        b.put("call_limit_share", s.callLimitShare());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mean", s.meanCalls());
        c.put("median", s.medianCalls());
        c.put("p99", s.p99Calls());
        c.put("max", s.maxCalls());
        b.put("calls_per_episode", c);
        List<Map<String, Object>> worst = new ArrayList<>();
        for (EpisodeStats.Warp w : s.worstWarps()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("program", w.program());
            x.put("balance", w.balance());
            x.put("max_calls", w.maxCalls());
            x.put("calls", w.calls());
            worst.add(x);
        }
        b.put("worst_warps", worst);
        return b;
    }

    /** The time split and balance as text, under a backend's throughput lines. */
    static void print(PrintWriter out, ProfileResult r) {
        TimeSplit s = r.split();
        if (s != null) {
            int n = s.passes();
            DeviceTimes d = s.device();
            double wall = s.wallSeconds() / n;
            if (d != null) {
                out.printf(Locale.ROOT, "time/pass   %.4f s wall: kernel %.4f s, upload %.4f s, download %.4f s (device %.0f%%); "
                                + "compile %.4f s, pack %.4f s, unpack %.4f s; other %.4f s%n", wall, d.kernelNanos() / 1e9 / n,
                        d.uploadNanos() / 1e9 / n, d.downloadNanos() / 1e9 / n, 100 * d.deviceNanos() / 1e9 / n / wall,
                        d.compileNanos() / 1e9 / n, d.packNanos() / 1e9 / n, d.unpackNanos() / 1e9 / n,
                        Math.max(0, d.evaluateNanos() - d.deviceNanos() - d.hostNanos()) / 1e9 / n);
                out.printf(Locale.ROOT, "launches    %.1f per pass, %.5f s kernel each, work-group %d, %.0f work-items each%n",
                        (double) d.launches() / n, d.launches() == 0 ? 0 : d.kernelNanos() / 1e9 / d.launches(), d.workGroupSize(),
                        d.launches() == 0 ? 0 : (double) d.workItems() / d.launches());
            } else if (s.threadBusySeconds() != null) {
                StringBuilder b = new StringBuilder();
                for (double t : s.threadBusySeconds()) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", t / n));
                out.printf(Locale.ROOT, "time/pass   %.4f s wall; %d threads busy %s s; idle %.1f%%%n", wall,
                        s.threadBusySeconds().length, b, 100 * s.idleShare());
            }
        }
        EpisodeStats st = r.stats();
        if (st != null) {
            out.printf(Locale.ROOT, "balance     %.1f%% (warps of %d lanes; mean warp %.1f%%); call limit hit by %.2f%% of episodes%n",
                    100 * st.balance(), st.lanes(), 100 * st.meanWarpBalance(), 100 * st.callLimitShare());
            out.printf(Locale.ROOT, "calls/ep    mean %.1f, median %d, p99 %d, max %d%n", st.meanCalls(), st.medianCalls(),
                    st.p99Calls(), st.maxCalls());
            StringBuilder b = new StringBuilder();
            for (EpisodeStats.Warp w : st.worstWarps()) {
                b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "#%d %.1f%% (longest %d)", w.program(),
                        100 * w.balance(), w.maxCalls()));
            }
            out.println("worst warps " + b);
        }
    }
}
