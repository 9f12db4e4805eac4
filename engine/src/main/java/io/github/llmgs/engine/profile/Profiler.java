package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times a backend on a workload: warm-up passes (JIT, kernel build, buffer allocation), then
 * timed passes over every program in batches; the median pass is reported. Each pass checks the
 * checksum against the first so that a fast wrong answer cannot pass. Besides the time, a result
 * holds the episodes' balance ({@link EpisodeStats}) and where the timed passes' time went
 * ({@link TimeSplit}: an OpenCL backend's device and host times, a CPU backend's thread times).
 * Several backends can be profiled in one run with their passes interleaved ({@link Comparison}).
 * A backend of any domain comes as a {@link ProfileSubject}.
 */
public final class Profiler {
    private final int warmups;
    private final int repetitions;

    public Profiler(int warmups, int repetitions) {
        if (repetitions < 1) throw new IllegalArgumentException("repetitions must be >= 1");
        this.warmups = warmups;
        this.repetitions = repetitions;
    }

    /** A workload on one backend. */
    public ProfileResult profile(ProfileSubject subject, List<Node.Program> programs, int batch, Consumer<String> progress) {
        return profile(List.of(subject), programs, batch, progress).results().get(0);
    }

    /**
     * A workload on several backends of one task and instance list, their passes interleaved;
     * {@code batch} programs per call, 0 for the whole workload in one.
     */
    public Comparison profile(List<? extends ProfileSubject> subjects, List<Node.Program> programs, int batch,
                              Consumer<String> progress) {
        if (subjects.isEmpty()) throw new IllegalArgumentException("no backend to profile");
        ProfileSubject first = subjects.get(0);
        for (ProfileSubject s : subjects) {
            // one ratio compares the same episodes, so every subject must run the same ones
            if (!s.task().equals(first.task()) || s.instances() != first.instances()) {
                throw new IllegalArgumentException("backends profiled together must run the same task and instances: "
                        + first.task() + " x " + first.instances() + " and " + s.task() + " x " + s.instances());
            }
        }
        int batchSize = batch > 0 ? batch : programs.size();
        return time(List.copyOf(subjects), programs, batchSize, progress);
    }

    private Comparison time(List<ProfileSubject> subjects, List<Node.Program> workload, int batchSize,
                            Consumer<String> progress) {
        int m = subjects.size();
        int programs = workload.size(), instances = subjects.get(0).instances();
        String task = subjects.get(0).task();
        Pass[] reference = new Pass[m];
        double[][] seconds = new double[m][repetitions];
        DeviceTimes[] device = new DeviceTimes[m];
        List<List<double[]>> threads = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            threads.add(new ArrayList<>());
            if (subjects.get(j).profiled() != null) {
                subjects.get(j).profiled().profileTimes(true);
                device[j] = DeviceTimes.NONE;
            }
        }
        try {
            for (int i = 0; i < warmups + repetitions; i++) {
                boolean timed = i >= warmups;
                for (int o = 0; o < m; o++) {
                    int j = (i + o) % m; // rotate who goes first
                    ProfileSubject s = subjects.get(j);
                    if (s.profiled() != null) s.profiled().takeTimes();
                    Map<Long, Long> before = ThreadTimes.snapshot();
                    Pass pass = s.pass(workload, batchSize);
                    Map<Long, Long> busy = ThreadTimes.between(before, ThreadTimes.snapshot());
                    DeviceTimes t = s.profiled() != null ? s.profiled().takeTimes() : null;
                    if (reference[j] == null) {
                        reference[j] = pass;
                    } else if (Double.compare(pass.checksum(), reference[j].checksum()) != 0 || pass.calls() != reference[j].calls()) {
                        throw new IllegalStateException("backend " + s.name() + " is not deterministic: checksum "
                                + reference[j].checksum() + " then " + pass.checksum());
                    }
                    if (timed) {
                        seconds[j][i - warmups] = pass.seconds();
                        if (t != null) device[j] = device[j].plus(t);
                        threads.get(j).add(busyThreads(busy, pass.seconds()));
                    }
                    if (progress != null) {
                        progress.accept(String.format("%s%s pass %d/%d: %.3f s (%.0f programs/s)", m > 1 ? s.name() + " " : "",
                                timed ? "timed" : "warm-up", timed ? i - warmups + 1 : i + 1, timed ? repetitions : warmups,
                                pass.seconds(), programs / pass.seconds()));
                    }
                }
            }
        } finally {
            for (ProfileSubject s : subjects) {
                if (s.profiled() != null) s.profiled().profileTimes(false);
            }
        }
        List<ProfileResult> results = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            ProfileSubject s = subjects.get(j);
            double[] sorted = seconds[j].clone();
            Arrays.sort(sorted);
            double wall = 0;
            for (double x : seconds[j]) wall += x;
            EpisodeStats stats = EpisodeStats.of(reference[j].episodeCalls(), reference[j].callLimit(), instances);
            results.add(new ProfileResult(s.name(), s.device(), task, programs, instances, batchSize, median(sorted),
                    reference[j].calls(), reference[j].checksum(), stats,
                    new TimeSplit(repetitions, wall, device[j], sumThreads(threads.get(j))), seconds[j].clone()));
            double[] ratio = new double[repetitions];
            for (int r = 0; r < repetitions; r++) ratio[r] = seconds[0][r] / seconds[j][r];
            Arrays.sort(ratio);
            speedups.add(j == 0 ? 1.0 : median(ratio));
        }
        return new Comparison(List.copyOf(results), List.copyOf(speedups));
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The busy seconds of the threads that worked at least 1% of the pass, busiest first; the
     * calling thread (which only hands out work when a pool runs it) counts only when it ran the
     * episodes itself, i.e. no pool thread worked.
     */
    private static double[] busyThreads(Map<Long, Long> busy, double wallSeconds) {
        Map<Long, Long> workers = new java.util.HashMap<>(busy);
        Long caller = workers.remove(Thread.currentThread().getId());
        if (workers.values().stream().noneMatch(ns -> ns / 1e9 >= 0.01 * wallSeconds) && caller != null) {
            workers.put(Thread.currentThread().getId(), caller);
        }
        return workers.values().stream().mapToDouble(ns -> ns / 1e9).filter(s -> s >= 0.01 * wallSeconds)
                .boxed().sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
    }

    /** Per rank (busiest thread first), the busy seconds summed over passes; null without a thread clock. */
    private static double[] sumThreads(List<double[]> passes) {
        if (!ThreadTimes.supported()) return null;
        int width = 0;
        for (double[] p : passes) width = Math.max(width, p.length);
        double[] out = new double[width];
        for (double[] p : passes) {
            for (int k = 0; k < p.length; k++) out[k] += p[k];
        }
        return out;
    }
}
