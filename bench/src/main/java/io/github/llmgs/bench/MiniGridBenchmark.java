package io.github.llmgs.bench;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.minigrid.MiniGridBackends;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Programs per second of a MiniGrid backend on {@code minigrid-1024.txt} x 32 instances (seeds
 * 0-31), max_calls 1,000: one operation is one program on all 32 instances. The setup checks
 * the checksum against {@code profile}'s (every backend gives it, and every one reproduces every
 * recorded episode), so a fast wrong backend fails.
 *
 * <pre>java -jar bench/target/benchmarks.jar MiniGridBenchmark -p backend=cpu,opencl,reference</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MiniGridBenchmark {
    static final int PROGRAMS = 1024;
    static final Map<String, Double> CHECKSUMS = Map.of("LavaGap", -256.9375, "RedBlueDoor", -9.15625, "PutNear", -4.140625);
    static final long[] SEEDS = new long[32];

    static {
        for (int i = 0; i < SEEDS.length; i++) SEEDS[i] = i;
    }

    @Param({"cpu", "opencl", "reference"})
    public String backend;

    @Param({"LavaGap"})
    public String task;

    private MiniGridEpisodes engine;
    private MiniGridTask miniGridTask;
    private List<Node.Program> programs;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = MiniGridBackends.open(backend, BackendOptions.defaults());
        miniGridTask = MiniGridTasks.byName(task);
        programs = workload();
        double checksum = evaluateWorkload();
        if (checksum != CHECKSUMS.get(task)) {
            throw new IllegalStateException(backend + " checksum " + checksum + " != " + CHECKSUMS.get(task) + " on " + task);
        }
        System.err.println("backend " + engine.name() + " on " + engine.device() + ", checksum " + checksum);
    }

    static List<Node.Program> workload() throws IOException {
        List<Node.Program> programs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MiniGridBenchmark.class.getResourceAsStream("minigrid-1024.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) programs.add(Parser.parse(line, Domains.MINIGRID));
            }
        }
        return programs;
    }

    @Benchmark
    @OperationsPerInvocation(PROGRAMS)
    public double evaluateWorkload() {
        double sum = 0;
        for (double m : engine.means(miniGridTask, programs, SEEDS, ProgramWrapper.DEFAULT_MAX_CALLS)) sum += m;
        return sum;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }
}
