package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends programs to a backend (of any domain) in batches of at most {@code batch}. Mutation often reproduces a
 * program already scored (a leaf redrawn as itself), so exact scores are remembered by program
 * (trees are records: equal trees print alike) in a bounded cache, with no printing on the hot
 * path; that saves compute and changes no result.
 */
public final class BatchScorer implements Scorer {
    private static final int CACHE_SIZE = 1 << 13;

    /** Each program's mean return on the run's instances: a backend call, whatever the domain. */
    @FunctionalInterface
    public interface Evaluator {
        double[] means(List<Node.Program> programs);
    }

    private final Evaluator evaluator;
    private final int batch;
    private final Map<Node.Program, Double> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node.Program, Double> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private long computed;

    /** Karel programs on a backend; {@code maxCalls} is the run settings' call limit, handed to every call. */
    public BatchScorer(Backend backend, Task task, List<TaskInstance> instances, int batch, int maxCalls) {
        this(karel(backend, task, instances, maxCalls), batch);
    }

    public BatchScorer(Evaluator evaluator, int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        this.evaluator = evaluator;
        this.batch = batch;
    }

    /** Karel programs' means on a backend, every call with the run settings' call limit. */
    public static Evaluator karel(Backend backend, Task task, List<TaskInstance> instances, int maxCalls) {
        if (maxCalls < 1) throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        List<TaskInstance> copy = List.copyOf(instances);
        return programs -> backend.evaluate(new BatchRequest(task, copy, programs, false, maxCalls)).means();
    }

    public int batch() {
        return batch;
    }

    @Override
    public double[] scores(List<Node.Program> programs) {
        double[] out = new double[programs.size()];
        Map<Node.Program, Double> known = new HashMap<>();
        List<Node.Program> todo = new ArrayList<>();
        for (Node.Program p : programs) {
            Double cached = cache.get(p);
            if (cached != null) {
                known.put(p, cached);
            } else if (!known.containsKey(p)) {
                known.put(p, null);
                todo.add(p);
            }
        }
        for (int from = 0; from < todo.size(); from += batch) {
            int to = Math.min(todo.size(), from + batch);
            double[] means = evaluator.means(todo.subList(from, to));
            for (int p = 0; p < means.length; p++) {
                cache.put(todo.get(from + p), means[p]);
                known.put(todo.get(from + p), means[p]);
            }
            computed += to - from;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = known.get(programs.get(i));
        }
        return out;
    }

    @Override
    public long computed() {
        return computed;
    }
}
