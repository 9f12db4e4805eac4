package io.github.llmgs.kernels;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CpuBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A throughput harness, not a test: the OpenCL and CPU backends on the same workload in the same
 * JVM, each with the checksum (sum over programs of the mean return) so a fast wrong answer
 * cannot pass. The numbers are for comparing backends on one machine; the JMH benchmark in
 * {@code bench} is the reference measurement.
 *
 * <pre>
 * LD_PRELOAD=$JAVA_HOME/lib/libjsig.so \
 * java -cp "$(cat cp.txt):kernels/target/classes:kernels/target/test-classes" \
 *     io.github.llmgs.kernels.OpenClThroughput [programs-file] [task] [repeats] [device|-] [max-pairs-per-launch]
 * </pre>
 * Defaults: /work/shared/bench/neighborhood-1024.txt, DoorKey (seeds 0-31), 5 timed repeats
 * after 2 warm-ups, the default OpenCL device.
 */
public final class OpenClThroughput {
    private OpenClThroughput() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/work/shared/bench/neighborhood-1024.txt");
        Task task = Tasks.byName(args.length > 1 ? args[1] : "DoorKey");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String device = args.length > 3 && !args[3].equals("-") ? args[3] : null;
        int maxPairs = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        List<Node.Program> programs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) programs.add(Parser.parse(line.strip()));
        }
        List<TaskInstance> instances = new ArrayList<>();
        for (int seed = 0; seed < 32; seed++) instances.add(task.generate(seed));
        BatchRequest request = new BatchRequest(task, instances, programs, true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS);
        System.out.printf(Locale.ROOT, "workload: %s, %d programs x %d instances of %s%n", file, programs.size(),
                instances.size(), task.name());
        try (Backend opencl = OpenClBackend.open(new BackendOptions(0, device, maxPairs));
             Backend cpu = new CpuBackend()) {
            measure(opencl, request, repeats);
            measure(cpu, request, repeats);
        }
    }

    static void measure(Backend backend, BatchRequest request, int repeats) {
        BatchResult result = null;
        for (int i = 0; i < 2; i++) result = backend.evaluate(request); // warm-up (and kernel build)
        long best = Long.MAX_VALUE, sum = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            result = backend.evaluate(request);
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            sum += t;
        }
        double checksum = 0;
        for (int p = 0; p < result.programs(); p++) checksum += result.mean(p);
        double mean = sum / 1e9 / repeats;
        int programs = request.programs().size();
        System.out.printf(Locale.ROOT,
                "%-7s %-80s %9.1f programs/s (best %9.1f)  %10.0f episodes/s  %12.0f calls/s  checksum %.9f%n",
                backend.name(), backend.device(), programs / mean, programs / (best / 1e9),
                request.episodes() / mean, result.totalCalls() / mean, checksum);
    }
}
