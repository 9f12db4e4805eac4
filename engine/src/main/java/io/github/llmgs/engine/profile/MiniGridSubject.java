package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import java.util.ArrayList;
import java.util.List;

/**
 * A MiniGrid backend on a task's instance seeds, under a call limit. MiniGrid episodes carry no
 * exit status, so an episode hit the limit when its calls reached it.
 */
public final class MiniGridSubject extends AdaptedBackend {
    private final MiniGridEpisodes backend;
    private final MiniGridTask task;
    private final long[] seeds;
    private final int maxCalls;

    public MiniGridSubject(MiniGridEpisodes backend, MiniGridTask task, long[] seeds, int maxCalls) {
        super(backend, backend.name(), backend.device(), task.name(), seeds.length);
        this.backend = backend;
        this.task = task;
        this.seeds = seeds.clone();
        this.maxCalls = maxCalls;
    }

    @Override
    public Pass pass(List<Node.Program> programs, int batchSize) {
        long start = System.nanoTime();
        List<EpisodeResult[][]> results = new ArrayList<>();
        for (int from = 0; from < programs.size(); from += batchSize) {
            results.add(backend.evaluate(task, programs.subList(from, Math.min(programs.size(), from + batchSize)),
                    seeds, maxCalls));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = seeds.length;
        long calls = 0;
        double checksum = 0;
        double[] returns = new double[n];
        int[] episodeCalls = new int[programs.size() * n];
        boolean[] limited = new boolean[episodeCalls.length];
        int e = 0;
        for (EpisodeResult[][] r : results) {
            for (EpisodeResult[] program : r) {
                for (int i = 0; i < n; i++, e++) {
                    returns[i] = program[i].ret();
                    calls += program[i].calls();
                    episodeCalls[e] = program[i].calls();
                    limited[e] = program[i].calls() >= maxCalls;
                }
                checksum += BatchResult.mean(returns, 0, n); // in seed order, as every backend sums
            }
        }
        return new Pass(seconds, calls, checksum, episodeCalls, limited);
    }
}
