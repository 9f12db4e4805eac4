package io.github.llmgs.bench;

import io.github.llmgs.dsl.Limits;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.engine.RandomState;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Neighbours per second on one thread, as the search makes them (spec/search.md section 6): draws
 * from numpy's RandomState, the reference's mutation with its limits check, and compilation to
 * bytecode, for each program of {@code neighborhood-1024.txt} in turn (those within the limits:
 * a climb only ever starts from one). A climbing step draws k neighbours of one program, so each
 * invocation draws {@link #K} = 32 (SHC's smallest k) of the next program; one operation is one
 * neighbour. {@code mutate} leaves out the compiler, {@code draw} is the stream alone, for the
 * split of the time.
 *
 * <pre>java -jar bench/target/benchmarks.jar NeighbourBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class NeighbourBenchmark {
    static final int K = 32;
    private Node.Program[] programs;
    private final Mutator mutator = new Mutator();
    private RandomState stream;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Node.Program> workload = NeighborhoodBenchmark.workload();
        programs = workload.stream().filter(Limits::withinLimits).toArray(Node.Program[]::new);
        System.err.println(programs.length + " of " + workload.size() + " workload programs within the limits");
        stream = new RandomState(0);
    }

    private Node.Program nextProgram() {
        Node.Program p = programs[next];
        next = next + 1 == programs.length ? 0 : next + 1;
        return p;
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public void neighbour(Blackhole sink) {
        for (Node.Program n : mutator.neighbours(nextProgram(), K, stream)) {
            sink.consume(Compiler.compile(n));
        }
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public List<Node.Program> mutate() {
        return mutator.neighbours(nextProgram(), K, stream);
    }

    @Benchmark
    public double draw() {
        return stream.randomSample();
    }
}
