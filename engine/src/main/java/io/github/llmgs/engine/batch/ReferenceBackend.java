package io.github.llmgs.engine.batch;

import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.TreeWalker;
import java.util.stream.IntStream;

/** The tree-walking oracle behind the batch API: slow, obviously right. */
public final class ReferenceBackend implements Backend {
    private final int threads;

    public ReferenceBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ReferenceBackend(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String device() {
        return "Java tree-walker (digit-string WHILE keys), " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public BatchResult evaluate(BatchRequest req) {
        int p = req.programs().size(), n = req.instances().size();
        double[] returns = new double[p * n];
        int[] steps = new int[p * n];
        int[] calls = new int[p * n];
        boolean[] crashed = new boolean[p * n];
        ExitStatus[] exits = new ExitStatus[p * n];
        TreeWalker walker = new TreeWalker(req.maxCalls());
        java.util.function.IntConsumer episode = i -> {
            TreeWalker.Outcome o = walker.outcome(req.programs().get(i / n), req.task(), req.instances().get(i % n));
            Episode e = o.episode();
            exits[i] = o.exit();
            returns[i] = e.ret();
            steps[i] = e.steps();
            calls[i] = e.calls();
            crashed[i] = e.crashed();
        };
        if (threads == 1) {
            IntStream.range(0, p * n).forEach(episode);
        } else {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, p * n).parallel().forEach(episode)).join();
            } finally {
                pool.shutdown();
            }
        }
        return BatchResult.fromEpisodes(req, returns, steps, calls, crashed, exits);
    }
}
