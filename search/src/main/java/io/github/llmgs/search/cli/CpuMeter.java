package io.github.llmgs.search.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process's CPU time and the machine's stolen time since a start. A sweep's gain over its
 * runs made one at a time is bounded by how many cores a lone run leaves idle, and a virtual
 * machine whose hypervisor takes its cores runs slower without saying so: both make the
 * benchmark's figures readable.
 */
final class CpuMeter {
    private static final Path STAT = Path.of("/proc/stat");

    /** CPU seconds, cores busy (CPU over wall) and the fraction of the machine's time stolen (NaN: not known). */
    record Usage(double cpuSeconds, double cores, double stolen) {}

    private final long startNanos = System.nanoTime();
    private final double startCpu = cpuSeconds();
    private final long[] startStat = machineTicks();

    static CpuMeter start() {
        return new CpuMeter();
    }

    Usage since() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = cpuSeconds() - startCpu;
        long[] now = machineTicks();
        double stolen = Double.NaN;
        if (startStat != null && now != null && now[0] > startStat[0]) {
            stolen = (double) (now[1] - startStat[1]) / (now[0] - startStat[0]);
        }
        return new Usage(cpu, cpu / Math.max(wall, 1e-9), stolen);
    }

    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** All ticks and stolen ticks of the machine, from the first line of /proc/stat; null off Linux. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < 9) return null;
            long total = 0;
            // user nice system idle iowait irq softirq steal: guest time is already inside user
            for (int i = 1; i <= 8; i++) total += Long.parseLong(f[i]);
            return new long[] {total, Long.parseLong(f[8])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
