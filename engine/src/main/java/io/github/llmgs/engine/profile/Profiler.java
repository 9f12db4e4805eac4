package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Node;
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
import java.util.function.Consumer;

/**
 * Times a backend on a workload: warm-up passes (JIT, kernel build, buffer allocation), then
 * timed passes over every program in batches; the median pass is reported. Each pass checks the
 * checksum against the first so that a fast wrong answer cannot pass.
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
        int batchSize = batch > 0 ? batch : programs.size();
        return time(backend.name(), backend.device(), task.name(), programs.size(), instances.size(), batchSize,
                () -> pass(backend, task, instances, maxCalls, programs, batchSize), progress);
    }

    /** A MiniGrid workload on one of its backends. */
    public ProfileResult profile(MiniGridEpisodes backend, MiniGridTask task, long[] seeds, int maxCalls,
                                 List<Node.Program> programs, int batch, Consumer<String> progress) {
        int batchSize = batch > 0 ? batch : programs.size();
        return time(backend.name(), backend.device(), task.name(), programs.size(), seeds.length, batchSize, () -> {
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
            for (EpisodeResult[][] r : results) {
                for (EpisodeResult[] program : r) {
                    for (int i = 0; i < seeds.length; i++) {
                        returns[i] = program[i].ret();
                        calls += program[i].calls();
                    }
                    checksum += BatchResult.mean(returns, 0, seeds.length);
                }
            }
            return new Pass(seconds, calls, checksum);
        }, progress);
    }

    private ProfileResult time(String backend, String device, String task, int programs, int instances, int batchSize,
                               java.util.function.Supplier<Pass> passes, Consumer<String> progress) {
        Pass reference = null;
        double[] seconds = new double[repetitions];
        for (int i = 0; i < warmups + repetitions; i++) {
            Pass pass = passes.get();
            if (reference == null) {
                reference = pass;
            } else if (Double.compare(pass.checksum, reference.checksum) != 0 || pass.calls != reference.calls) {
                throw new IllegalStateException("backend " + backend + " is not deterministic: checksum "
                        + reference.checksum + " then " + pass.checksum);
            }
            if (i >= warmups) {
                seconds[i - warmups] = pass.seconds;
            }
            if (progress != null) {
                progress.accept(String.format("%s pass %d/%d: %.3f s (%.0f programs/s)", i < warmups ? "warm-up" : "timed",
                        i < warmups ? i + 1 : i - warmups + 1, i < warmups ? warmups : repetitions, pass.seconds,
                        programs / pass.seconds));
            }
        }
        Arrays.sort(seconds);
        double median = repetitions % 2 == 1 ? seconds[repetitions / 2]
                : (seconds[repetitions / 2 - 1] + seconds[repetitions / 2]) / 2;
        return new ProfileResult(backend, device, task, programs, instances, batchSize, median, reference.calls,
                reference.checksum);
    }

    private record Pass(double seconds, long calls, double checksum) {}

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
        for (BatchResult r : results) {
            calls += r.totalCalls();
            for (int p = 0; p < r.programs(); p++) checksum += r.mean(p);
        }
        return new Pass(seconds, calls, checksum);
    }
}
