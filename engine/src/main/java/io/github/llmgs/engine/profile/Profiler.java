package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Times a backend on a workload: warm-up passes (JIT, kernel build, buffer allocation), then
 * timed passes over every program in batches; the median pass is reported. Each pass checks the
 * checksum against the first so that a fast wrong answer cannot pass. Besides the time, a result
 * holds the episodes' balance ({@link EpisodeStats}) and where the timed passes' time went
 * ({@link TimeSplit}: an OpenCL backend's device and host times, a CPU backend's thread times).
 * Several backends can be profiled in one run with their passes interleaved ({@link Comparison}).
 */
public final class Profiler {
    private final int warmups;
    private final int repetitions;

    public Profiler(int warmups, int repetitions) {
        if (repetitions < 1) throw new IllegalArgumentException("repetitions must be >= 1");
        this.warmups = warmups;
        this.repetitions = repetitions;
    }

    /** A Karel workload on one of its backends, under the run settings' call limit. */
    public ProfileResult profile(Backend backend, Task task, List<TaskInstance> instances, int maxCalls,
                                 List<Node.Program> programs, int batch, Consumer<String> progress) {
        return profile(List.of(backend), task, instances, maxCalls, programs, batch, progress).results().get(0);
    }

    /** A Karel workload on several backends, their passes interleaved. */
    public Comparison profile(List<Backend> backends, Task task, List<TaskInstance> instances, int maxCalls,
                              List<Node.Program> programs, int batch, Consumer<String> progress) {
        int batchSize = batch > 0 ? batch : programs.size();
        List<Subject> subjects = new ArrayList<>();
        for (Backend b : backends) {
            subjects.add(new Subject(b.name(), b.device(), b instanceof ProfiledBackend p ? p : null,
                    () -> pass(b, task, instances, maxCalls, programs, batchSize)));
        }
        return time(subjects, task.name(), programs.size(), instances.size(), batchSize, progress);
    }

    /** A MiniGrid workload on one of its backends. */
    public ProfileResult profile(MiniGridEpisodes backend, MiniGridTask task, long[] seeds, int maxCalls,
                                 List<Node.Program> programs, int batch, Consumer<String> progress) {
        int batchSize = batch > 0 ? batch : programs.size();
        Subject s = new Subject(backend.name(), backend.device(), backend instanceof ProfiledBackend p ? p : null, () -> {
            long start = System.nanoTime();
            List<EpisodeResult[][]> results = new ArrayList<>();
            for (int from = 0; from < programs.size(); from += batchSize) {
                results.add(backend.evaluate(task, programs.subList(from, Math.min(programs.size(), from + batchSize)),
                        seeds, maxCalls));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long calls = 0;
            double checksum = 0;
            double[] returns = new double[seeds.length];
            int[] episodeCalls = new int[programs.size() * seeds.length];
            boolean[] limited = new boolean[episodeCalls.length];
            int e = 0;
            for (EpisodeResult[][] r : results) {
                for (EpisodeResult[] program : r) {
                    for (int i = 0; i < seeds.length; i++) {
                        returns[i] = program[i].ret();
                        calls += program[i].calls();
                        episodeCalls[e] = program[i].calls();
                        limited[e++] = program[i].calls() >= maxCalls;
                    }
                    checksum += BatchResult.mean(returns, 0, seeds.length);
                }
            }
            return new Pass(seconds, calls, checksum, episodeCalls, limited);
        });
        return time(List.of(s), task.name(), programs.size(), seeds.length, batchSize, progress).results().get(0);
    }

    /** One backend under test: how to run a pass, and its device times if it has them. */
    private record Subject(String backend, String device, ProfiledBackend profiled, Supplier<Pass> pass) {}

    /** A pass's wall time and totals, and per episode its calls and whether it hit the call limit. */
    private record Pass(double seconds, long calls, double checksum, int[] episodeCalls, boolean[] callLimit) {}

    private Comparison time(List<Subject> subjects, String task, int programs, int instances, int batchSize,
                            Consumer<String> progress) {
        int m = subjects.size();
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
                    Subject s = subjects.get(j);
                    if (s.profiled() != null) s.profiled().takeTimes();
                    Map<Long, Long> before = ThreadTimes.snapshot();
                    Pass pass = s.pass().get();
                    Map<Long, Long> busy = ThreadTimes.between(before, ThreadTimes.snapshot());
                    DeviceTimes t = s.profiled() != null ? s.profiled().takeTimes() : null;
                    if (reference[j] == null) {
                        reference[j] = pass;
                    } else if (Double.compare(pass.checksum, reference[j].checksum) != 0 || pass.calls != reference[j].calls) {
                        throw new IllegalStateException("backend " + s.backend() + " is not deterministic: checksum "
                                + reference[j].checksum + " then " + pass.checksum);
                    }
                    if (timed) {
                        seconds[j][i - warmups] = pass.seconds;
                        if (t != null) device[j] = device[j].plus(t);
                        threads.get(j).add(busyThreads(busy, pass.seconds));
                    }
                    if (progress != null) {
                        progress.accept(String.format("%s%s pass %d/%d: %.3f s (%.0f programs/s)", m > 1 ? s.backend() + " " : "",
                                timed ? "timed" : "warm-up", timed ? i - warmups + 1 : i + 1, timed ? repetitions : warmups,
                                pass.seconds, programs / pass.seconds));
                    }
                }
            }
        } finally {
            for (Subject s : subjects) {
                if (s.profiled() != null) s.profiled().profileTimes(false);
            }
        }
        List<ProfileResult> results = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            Subject s = subjects.get(j);
            double[] sorted = seconds[j].clone();
            Arrays.sort(sorted);
            double wall = 0;
            for (double x : seconds[j]) wall += x;
            EpisodeStats stats = EpisodeStats.of(reference[j].episodeCalls, reference[j].callLimit, instances);
            results.add(new ProfileResult(s.backend(), s.device(), task, programs, instances, batchSize, median(sorted),
                    reference[j].calls, reference[j].checksum, stats,
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

    private static Pass pass(Backend backend, Task task, List<TaskInstance> instances, int maxCalls,
                             List<Node.Program> programs, int batchSize) {
        List<BatchRequest> requests = new ArrayList<>();
        for (int from = 0; from < programs.size(); from += batchSize) {
            requests.add(new BatchRequest(task, instances,
                    programs.subList(from, Math.min(programs.size(), from + batchSize)), true, maxCalls));
        }
        long calls = 0;
        double checksum = 0;
        long start = System.nanoTime();
        List<BatchResult> results = new ArrayList<>(requests.size());
        for (BatchRequest r : requests) {
            results.add(backend.evaluate(r));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = instances.size();
        int[] episodeCalls = new int[programs.size() * n];
        boolean[] limited = new boolean[episodeCalls.length];
        int e = 0;
        for (BatchResult r : results) {
            calls += r.totalCalls();
            for (int p = 0; p < r.programs(); p++) {
                checksum += r.mean(p);
                for (int i = 0; i < n; i++, e++) {
                    episodeCalls[e] = r.episode(p, i).calls();
                    limited[e] = r.exit(p, i) == ExitStatus.CALL_LIMIT;
                }
            }
        }
        return new Pass(seconds, calls, checksum, episodeCalls, limited);
    }
}
