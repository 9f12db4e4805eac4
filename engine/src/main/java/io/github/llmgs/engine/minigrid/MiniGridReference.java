package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Node;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The oracle as a batch backend: {@link MiniGridWalker} per episode, programs spread over a few
 * threads. Episodes share nothing but their read-only start worlds, so threads change the speed only.
 */
public final class MiniGridReference implements MiniGridEpisodes {
    private final int threads;

    public MiniGridReference(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String device() {
        return "Java tree-walker (MiniGrid oracle), " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        // a wrapper copies its start world and never changes it, so one generated world serves every program
        MiniGridWorld[] starts = new MiniGridWorld[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            starts[i] = MiniGridWorld.generate(task, seeds[i]);
        }
        EpisodeResult[][] results = new EpisodeResult[programs.size()][seeds.length];
        IntConsumer one = p -> {
            for (int i = 0; i < seeds.length; i++) {
                results[p][i] = new MiniGridWalker(new ProgramWrapper(starts[i], maxCalls)).run(programs.get(p));
            }
        };
        if (threads == 1 || programs.size() == 1) {
            for (int p = 0; p < programs.size(); p++) one.accept(p);
            return results;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, programs.size()).parallel().forEach(one)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running episodes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return results;
    }
}
