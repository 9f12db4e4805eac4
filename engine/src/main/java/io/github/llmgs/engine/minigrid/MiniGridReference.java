package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The oracle as a batch backend: {@link MiniGridWalker} per episode, whole programs taken by a
 * fixed pool of threads (kept for the backend's life, as a search sends thousands of small
 * batches). Episodes share nothing but their read-only start worlds, so threads change the speed
 * only; each episode writes its own slot.
 */
public final class MiniGridReference implements MiniGridEpisodes {
    private final int threads;
    private final ExecutorService pool;
    /** The last batch's start worlds, by task and seeds: a search asks for the same ones every time. */
    private MiniGridTask startsTask;
    private long[] startsSeeds;
    private MiniGridWorld[] starts;

    public MiniGridReference(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "llmgs-minigrid");
            t.setDaemon(true);
            return t;
        });
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
    public synchronized EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        MiniGridWorld[] worlds = starts(task, seeds);
        EpisodeResult[][] results = new EpisodeResult[programs.size()][seeds.length];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int p; (p = next.getAndIncrement()) < programs.size(); ) {
                for (int i = 0; i < seeds.length; i++) {
                    results[p][i] = new MiniGridWalker(new ProgramWrapper(worlds[i], maxCalls)).run(programs.get(p));
                }
            }
        };
        if (threads == 1 || programs.size() == 1) {
            worker.run();
            return results;
        }
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, programs.size()); t++) work.add(pool.submit(worker));
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running episodes", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    // a wrapper copies its start world and never changes it, so one generated world serves every program
    private MiniGridWorld[] starts(MiniGridTask task, long[] seeds) {
        if (task != startsTask || !Arrays.equals(seeds, startsSeeds)) {
            MiniGridWorld[] worlds = new MiniGridWorld[seeds.length];
            for (int i = 0; i < seeds.length; i++) worlds[i] = MiniGridWorld.generate(task, seeds[i]);
            starts = worlds;
            startsTask = task;
            startsSeeds = seeds.clone();
        }
        return starts;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
