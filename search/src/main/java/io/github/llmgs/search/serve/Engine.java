package io.github.llmgs.search.serve;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.dsl.bytecode.Capacity;
import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.search.config.NamedTask;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.Seeds;
import io.github.llmgs.search.method.BatchScorer;
import io.github.llmgs.search.run.Batcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The server's engine: one Karel backend and one MiniGrid backend, opened by the caller, behind
 * one {@link Batcher}, so concurrent requests for the same task, seeds and call limit share
 * backend calls (a lane each), as concurrent searches do. Scores come from the code path of
 * {@code llmgs search} and {@code llmgs eval}: {@link BatchScorer#karel} and
 * {@link MiniGridEpisodes#means}. Per-episode requests go to the backend directly. Every backend
 * call holds one lock, so a backend is never entered by two threads.
 */
final class Engine implements AutoCloseable {
    private final Backend karel;
    private final MiniGridEpisodes miniGrid;
    private final Batcher batcher;
    /** Interruptible, so a request that timed out while queued for the backend gives up its place. */
    private final ReentrantLock backendLock = new ReentrantLock();
    private final Map<String, RunSettings> settings = new LinkedHashMap<>();

    Engine(Backend karel, MiniGridEpisodes miniGrid) {
        this.karel = karel;
        this.miniGrid = miniGrid;
        this.batcher = new Batcher(Batcher.pairLimit(karel, miniGrid));
        settings.put(Domains.KAREL.domain(), RunSettings.loadDefault(Domains.KAREL.domain()));
        settings.put(Domains.MINIGRID.domain(), RunSettings.loadDefault(Domains.MINIGRID.domain()));
    }

    Backend karel() {
        return karel;
    }

    MiniGridEpisodes miniGrid() {
        return miniGrid;
    }

    RunSettings settings(String domain) {
        return settings.get(domain);
    }

    /** One program's slot in the answer: a score (and episodes when asked for), or an error. */
    record Slot(Double score, List<Map<String, Object>> episodes, String error) {}

    /** The answer to one request, program by program in the request's order. */
    record Answer(String task, String domain, long[] seeds, int maxCalls, List<Slot> slots) {}

    /** The task of this name in either domain, or a 422 that lists them all. */
    static NamedTask target(String name) {
        try {
            return NamedTask.of(name);
        } catch (IllegalArgumentException e) {
            // the whole list of names, unclipped: it is bounded and it is the help the client needs
            throw new ApiError(422, "task", e.getMessage());
        }
    }

    /** A program the engine can run, or why not in one line (line:col for a parse error). */
    record Parsed(Node.Program program, String error) {}

    static Parsed parse(String text, Vocabulary vocabulary) {
        Node.Program p;
        try {
            p = Parser.parse(text, vocabulary);
        } catch (ParseException e) {
            return new Parsed(null, Body.firstLine(e.getMessage()));
        }
        Optional<String> problem = Capacity.problem(p);
        return problem.isPresent() ? new Parsed(null, problem.get()) : new Parsed(p, null);
    }

    /** A Karel instance, or a 422 naming the seed (a task may refuse some). */
    static TaskInstance instance(Task task, long seed, String field) {
        try {
            return task.generate((int) seed); // the seed's 32-bit pattern, as eval hands it over
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, field, "seed " + seed + ": " + Body.firstLine(e.getMessage()));
        }
    }

    Answer evaluate(EvaluateRequest request) {
        NamedTask target = target(request.task());
        Task task = target.karel();
        MiniGridTask mg = target.miniGrid();
        Vocabulary vocabulary = target.vocabulary();
        RunSettings run = settings.get(vocabulary.domain());
        long[] seeds = request.seeds() != null ? request.seeds() : run.seeds();
        int maxCalls = run.maxCalls();
        String taskName = target.name();

        List<Slot> slots = new ArrayList<>(request.programs().size());
        List<Node.Program> programs = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (String text : request.programs()) {
            Parsed p = parse(text, vocabulary);
            if (p.error() != null) {
                slots.add(new Slot(null, null, p.error()));
                continue;
            }
            where.add(slots.size());
            slots.add(null);
            programs.add(p.program());
        }
        if (programs.isEmpty()) return new Answer(taskName, vocabulary.domain(), seeds, maxCalls, slots);

        List<TaskInstance> instances = null;
        if (task != null) {
            instances = new ArrayList<>(seeds.length);
            for (long s : seeds) instances.add(instance(task, s, "seeds"));
        }
        List<Slot> scored = request.perEpisode() ? episodes(task, mg, instances, seeds, maxCalls, programs)
                : means(taskName, task, mg, instances, seeds, maxCalls, programs);
        for (int i = 0; i < where.size(); i++) slots.set(where.get(i), scored.get(i));
        return new Answer(taskName, vocabulary.domain(), seeds, maxCalls, slots);
    }

    private List<Slot> means(String taskName, Task task, MiniGridTask mg, List<TaskInstance> instances, long[] seeds,
            int maxCalls, List<Node.Program> programs) {
        BatchScorer.Evaluator direct = mg != null
                ? ps -> miniGrid.means(mg, ps, seeds, maxCalls)
                : BatchScorer.karel(karel, task, instances, maxCalls);
        BatchScorer.Evaluator locked = ps -> locked(() -> direct.means(ps));
        // the lane names everything a score depends on, as a search's does
        Object lane = List.of(taskName, Seeds.format(seeds), maxCalls);
        double[] means;
        try (Batcher.Member member = batcher.join()) {
            means = member.lane(lane, seeds.length, locked).means(programs);
        }
        List<Slot> out = new ArrayList<>(means.length);
        for (double m : means) out.add(new Slot(m, null, null));
        return out;
    }

    private List<Slot> episodes(Task task, MiniGridTask mg, List<TaskInstance> instances, long[] seeds, int maxCalls,
            List<Node.Program> programs) {
        List<Slot> out = new ArrayList<>(programs.size());
        if (mg != null) {
            EpisodeResult[][] r = locked(() -> miniGrid.evaluate(mg, programs, seeds, maxCalls));
            double[] returns = new double[seeds.length];
            for (int p = 0; p < programs.size(); p++) {
                List<Map<String, Object>> eps = new ArrayList<>(seeds.length);
                for (int i = 0; i < seeds.length; i++) {
                    EpisodeResult e = r[p][i];
                    returns[i] = e.ret();
                    Map<String, Object> m = episode(seeds[i], e.ret(), e.steps(), e.calls(), e.crashed());
                    m.put("terminated", e.terminated());
                    eps.add(m);
                }
                out.add(new Slot(BatchResult.mean(returns, 0, seeds.length), eps, null));
            }
            return out;
        }
        BatchResult r = locked(() -> karel.evaluate(new BatchRequest(task, instances, programs, true, maxCalls)));
        for (int p = 0; p < programs.size(); p++) {
            List<Map<String, Object>> eps = new ArrayList<>(seeds.length);
            for (int i = 0; i < seeds.length; i++) {
                Episode e = r.episode(p, i);
                eps.add(episode(seeds[i], e.ret(), e.steps(), e.calls(), e.crashed()));
            }
            out.add(new Slot(r.mean(p), eps, null));
        }
        return out;
    }

    /** One backend call at a time; a thread interrupted while it waits for its turn withdraws. */
    private <T> T locked(Supplier<T> call) {
        try {
            backendLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the backend");
        }
        try {
            return call.get();
        } finally {
            backendLock.unlock();
        }
    }

    private static Map<String, Object> episode(long seed, double ret, int steps, int calls, boolean crashed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("return", ret);
        m.put("steps", steps);
        m.put("calls", calls);
        m.put("crashed", crashed);
        return m;
    }

    /** Stops the batcher; the backends are the caller's to close. */
    @Override
    public void close() {
        batcher.close();
    }
}
