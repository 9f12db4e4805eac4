package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.minigrid.MiniGridEvaluator;
import io.github.llmgs.engine.minigrid.MiniGridWalker;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
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

    public ProfileResult profile(Backend backend, Task task, List<TaskInstance> instances, List<Node.Program> programs,
                                 int batch, Consumer<String> progress) {
        int batchSize = batch > 0 ? batch : programs.size();
        return time(backend.name(), backend.device(), task.name(), programs.size(), instances.size(), batchSize,
                () -> pass(backend, task, instances, programs, batchSize), progress);
    }

    /**
     * A MiniGrid workload on an evaluator (the oracle today). Calls are counted once, by an
     * untimed walk of every episode, since a pass returns only the means.
     */
    public ProfileResult profile(MiniGridEvaluator evaluator, long[] seeds, int maxCalls, List<Node.Program> programs,
                                 int batch, Consumer<String> progress) {
        int batchSize = batch > 0 ? batch : programs.size();
        long calls = 0;
        for (Node.Program p : programs) {
            for (long seed : seeds) {
                calls += new MiniGridWalker(new ProgramWrapper(MiniGridWorld.generate(evaluator.task(), seed), maxCalls))
                        .run(p).calls();
            }
        }
        long allCalls = calls;
        return time("reference", evaluator.device(), evaluator.task().name(), programs.size(), seeds.length, batchSize, () -> {
            long start = System.nanoTime();
            double checksum = 0;
            for (int from = 0; from < programs.size(); from += batchSize) {
                for (double m : evaluator.means(programs.subList(from, Math.min(programs.size(), from + batchSize)))) {
                    checksum += m;
                }
            }
            return new Pass((System.nanoTime() - start) / 1e9, allCalls, checksum);
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

    private static Pass pass(Backend backend, Task task, List<TaskInstance> instances, List<Node.Program> programs,
                             int batchSize) {
        List<BatchRequest> requests = new ArrayList<>();
        for (int from = 0; from < programs.size(); from += batchSize) {
            requests.add(new BatchRequest(task, instances,
                    programs.subList(from, Math.min(programs.size(), from + batchSize)), true));
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
