package io.github.llmgs.bench;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.Backends;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Programs per second of a backend on {@code bench/neighborhood-1024.txt} x 32 instances (seeds
 * 0-31): one benchmark operation is one program evaluated on all 32 instances. The setup checks
 * the checksum against the reference's (-217.78125 on DoorKey), so a fast wrong backend fails.
 *
 * <pre>java -jar bench/target/benchmarks.jar NeighborhoodBenchmark -p backend=cpu,opencl</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NeighborhoodBenchmark {
    static final int PROGRAMS = 1024;
    static final double DOORKEY_CHECKSUM = -217.78125;

    @Param({"cpu", "opencl"})
    public String backend;

    @Param({"DoorKey"})
    public String task;

    /** Programs per backend call; the whole workload is evaluated per operation group. */
    @Param({"1024"})
    public int batch;

    private Backend engine;
    private List<BatchRequest> requests;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = Backends.open(backend, BackendOptions.defaults(), System.err::println);
        Task t = Tasks.byName(task);
        List<TaskInstance> instances = new ArrayList<>();
        for (int seed = 0; seed < 32; seed++) instances.add(t.generate(seed));
        List<Node.Program> programs = workload();
        requests = new ArrayList<>();
        for (int from = 0; from < programs.size(); from += batch) {
            requests.add(new BatchRequest(t, instances, programs.subList(from, Math.min(programs.size(), from + batch)), false,
                    TreeWalker.DEFAULT_MAX_CALLS));
        }
        double checksum = 0;
        for (BatchRequest r : requests) {
            BatchResult result = engine.evaluate(r);
            for (int p = 0; p < result.programs(); p++) checksum += result.mean(p);
        }
        if ("DoorKey".equals(t.name()) && Math.abs(checksum - DOORKEY_CHECKSUM) > 1e-9) {
            throw new IllegalStateException(backend + " checksum " + checksum + " != reference " + DOORKEY_CHECKSUM);
        }
        System.err.println("backend " + engine.name() + " on " + engine.device() + ", checksum " + checksum);
    }

    static List<Node.Program> workload() throws IOException {
        List<Node.Program> programs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                NeighborhoodBenchmark.class.getResourceAsStream("neighborhood-1024.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) programs.add(Parser.parse(line));
            }
        }
        return programs;
    }

    @Benchmark
    @OperationsPerInvocation(PROGRAMS)
    public double evaluateWorkload() {
        double sum = 0;
        for (BatchRequest r : requests) {
            BatchResult result = engine.evaluate(r);
            sum += result.mean(0);
        }
        return sum;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }
}
