package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.batch.ProgramPool;
import io.github.llmgs.engine.batch.CapacityException;
import java.util.List;

/**
 * The oracle as a batch backend: {@link MiniGridWalker} per episode, whole programs taken by
 * the threads of a {@link ProgramPool}. Episodes share nothing but their read-only start worlds,
 * so threads change the speed only; each episode writes its own slot.
 */
public final class MiniGridReference implements MiniGridEpisodes {
    private final ProgramPool pool;
    private final StartWorlds starts = new StartWorlds();

    public MiniGridReference(int threads) {
        this.pool = new ProgramPool(threads, "llmgs-minigrid");
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String device() {
        int threads = pool.threads();
        return "Java tree-walker (MiniGrid oracle), " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
        CapacityException.check(programs); // as every backend, though the walker could run it
        MiniGridWorld[] worlds = starts.of(task, seeds);
        EpisodeResult[][] results = new EpisodeResult[programs.size()][seeds.length];
        pool.forEachProgram(programs.size(), () -> p -> {
            for (int i = 0; i < seeds.length; i++) {
                results[p][i] = new MiniGridWalker(new ProgramWrapper(worlds[i], maxCalls)).run(programs.get(p));
            }
        });
        return results;
    }

    @Override
    public MiniGridTrace trace(MiniGridTask task, Node.Program program, long seed, int maxCalls) {
        CapacityException.check(List.of(program));
        ProgramWrapper wrapper = new ProgramWrapper(MiniGridWorld.generate(task, seed), maxCalls);
        MiniGridTrace.Recorder recorder = new MiniGridTrace.Recorder();
        wrapper.logTo(recorder);
        EpisodeResult result = new MiniGridWalker(wrapper).run(program);
        return new MiniGridTrace(recorder.steps, wrapper.world().copy(), result);
    }

    @Override
    public void close() {
        pool.close();
    }
}
