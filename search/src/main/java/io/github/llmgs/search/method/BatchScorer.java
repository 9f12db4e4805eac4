package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.minigrid.MiniGridCoverage;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.batch.KarelCoverage;
import io.github.llmgs.engine.vm.Coverage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends programs to a backend (of any domain) in batches of at most {@code batch}. Mutation often reproduces a
 * program already scored (a leaf redrawn as itself), so exact scores are remembered by program
 * (trees are records: equal trees print alike) in a bounded cache, with no printing on the hot
 * path; that saves compute and changes no result. Asked with a threshold, a backend may answer
 * {@link BatchResult#NOT_ABOVE} for a program that cannot pass it; that is remembered as a
 * bound, good for any threshold at or above it, never as a score. A climb may hand in scores it
 * knows exactly (a neighbour changed where its program's episodes never go, by {@link #reached});
 * those are not computed.
 */
public final class BatchScorer implements Scorer {
    private static final int CACHE_SIZE = 1 << 13;

    /** Each program's mean return on the run's instances: a backend call, whatever the domain. */
    @FunctionalInterface
    public interface Evaluator {
        double[] means(List<Node.Program> programs);

        /**
         * As {@link #means(List)}, where only a mean above a program's threshold (NaN: none) matters:
         * one that cannot pass may come back as {@link BatchResult#NOT_ABOVE}; and where, in each
         * group ({@code groups}, null or -1: none), only the programs up to the first above its
         * threshold matter: later ones may come back as {@link BatchResult#SKIPPED}. By default
         * every program is scored in full.
         */
        default Scored means(List<Node.Program> programs, double[] thresholds, int[] groups) {
            return new Scored(means(programs), null);
        }

        /**
         * As {@link #means(List, double[], int[])}, where {@code knownReturns} (null, or one row per
         * program, null or NaN where not known) are exact returns the backend may take instead of
         * running those episodes ({@link BatchRequest#knownReturns}). By default they are not used.
         */
        default Scored means(List<Node.Program> programs, double[] thresholds, int[] groups, double[][] knownReturns) {
            return means(programs, thresholds, groups);
        }

        /** {@link Scorer#reached}: null when this evaluator cannot tell. */
        default boolean[] reached(Node.Program program) {
            return null;
        }

        /** {@link Scorer#byInstance}: null when this evaluator cannot tell, or cannot use known returns. */
        default Coverage.ByInstance byInstance(Node.Program program) {
            return null;
        }
    }

    /** Means, and the episodes run per program (null: every instance, as when no threshold was given). */
    public record Scored(double[] means, int[] episodes) {}

    private final Evaluator evaluator;
    private final int batch;
    private final boolean thresholds;
    private final boolean coverage;
    private final Map<Key, Double> cache = lru();
    /** Programs known not to be above a threshold, with the lowest such threshold. */
    private final Map<Key, Double> notAbove = lru();
    private long computed;
    private long episodes;
    private boolean episodesKnown = true;

    /** Karel programs on a backend; {@code maxCalls} is the run settings' call limit, handed to every call. */
    public BatchScorer(Backend backend, Task task, List<TaskInstance> instances, int batch, int maxCalls) {
        this(karel(backend, task, instances, maxCalls), batch);
    }

    public BatchScorer(Evaluator evaluator, int batch) {
        this(evaluator, batch, true);
    }

    /**
     * @param thresholds whether {@link #scores(List, double)} hands its threshold to the backend;
     *                   false scores every program in full (the draw-for-draw replay compares every score)
     */
    public BatchScorer(Evaluator evaluator, int batch, boolean thresholds) {
        this(evaluator, batch, thresholds, true);
    }

    /**
     * @param coverage whether {@link #reached} asks the evaluator, so that a climb may score a
     *                 neighbour changed where its program never went without running it; false
     *                 says nothing, and every neighbour is computed
     */
    public BatchScorer(Evaluator evaluator, int batch, boolean thresholds, boolean coverage) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        this.evaluator = evaluator;
        this.batch = batch;
        this.thresholds = thresholds;
        this.coverage = coverage;
    }

    /**
     * A program with its hash computed once: a tree's record hash walks the whole tree, and a
     * program is looked up several times. Equality is still the full structural comparison, so a
     * hash collision can never hand one program another's score.
     */
    private record Key(Node.Program program, int hash) {
        static Key of(Node.Program p) {
            return new Key(p, p.hashCode());
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.program.equals(program);
        }
    }

    private static Map<Key, Double> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Double> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }

    /** Karel programs' means on a backend, every call with the run settings' call limit. */
    public static Evaluator karel(Backend backend, Task task, List<TaskInstance> instances, int maxCalls) {
        if (maxCalls < 1) throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        List<TaskInstance> copy = List.copyOf(instances);
        return new Evaluator() {
            private KarelCoverage coverage;

            @Override
            public synchronized boolean[] reached(Node.Program program) {
                return coverage().reached(program);
            }

            @Override
            public synchronized Coverage.ByInstance byInstance(Node.Program program) {
                return coverage().byInstance(program);
            }

            private KarelCoverage coverage() {
                if (coverage == null) coverage = new KarelCoverage(task, copy, maxCalls);
                return coverage;
            }

            @Override
            public double[] means(List<Node.Program> programs) {
                return backend.evaluate(new BatchRequest(task, copy, programs, false, maxCalls)).means();
            }

            @Override
            public Scored means(List<Node.Program> programs, double[] thresholds, int[] groups) {
                return means(programs, thresholds, groups, null);
            }

            @Override
            public Scored means(List<Node.Program> programs, double[] thresholds, int[] groups, double[][] knownReturns) {
                BatchResult r = backend.evaluate(new BatchRequest(task, copy, programs, false, maxCalls, thresholds, groups, knownReturns));
                return new Scored(r.means(), r.episodesRun());
            }
        };
    }

    /** MiniGrid programs' means on a backend (scored in full), every call with the run settings' call limit. */
    public static Evaluator miniGrid(MiniGridEpisodes backend, MiniGridTask task, long[] seeds, int maxCalls) {
        long[] copy = seeds.clone();
        return new Evaluator() {
            private MiniGridCoverage coverage;

            @Override
            public double[] means(List<Node.Program> programs) {
                return backend.means(task, programs, copy, maxCalls);
            }

            @Override
            public synchronized boolean[] reached(Node.Program program) {
                if (coverage == null) coverage = new MiniGridCoverage(task, copy, maxCalls);
                return coverage.reached(program);
            }
        };
    }

    public int batch() {
        return batch;
    }

    @Override
    public double[] scores(List<Node.Program> programs) {
        return scores(programs, Double.NaN);
    }

    @Override
    public double[] scores(List<Node.Program> programs, double threshold) {
        return scores(programs, threshold, null);
    }

    @Override
    public boolean[] reached(Node.Program program) {
        return coverage ? evaluator.reached(program) : null;
    }

    @Override
    public Coverage.ByInstance byInstance(Node.Program program) {
        return coverage ? evaluator.byInstance(program) : null;
    }

    @Override
    public double[] scores(List<Node.Program> programs, double threshold, double[] given) {
        return scores(programs, threshold, given, null);
    }

    @Override
    public double[] scores(List<Node.Program> programs, double threshold, double[] given, double[][] givenReturns) {
        if (given != null && given.length != programs.size()) {
            throw new IllegalArgumentException(given.length + " known scores for " + programs.size() + " programs");
        }
        if (givenReturns != null && givenReturns.length != programs.size()) {
            throw new IllegalArgumentException(givenReturns.length + " rows of known returns for " + programs.size() + " programs");
        }
        // equal programs run equal episodes, so any copy's known returns serve them all
        Map<Key, double[]> returnsOf = givenReturns == null ? null : new HashMap<>();
        boolean bounded = thresholds && !Double.isNaN(threshold);
        double[] out = new double[programs.size()];
        Key[] keys = new Key[programs.size()];
        Map<Key, Double> known = new HashMap<>();
        List<Key> todo = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            Key p = keys[i] = Key.of(programs.get(i));
            if (returnsOf != null && givenReturns[i] != null) returnsOf.putIfAbsent(p, givenReturns[i]);
            if (given != null && !Double.isNaN(given[i])) {
                known.put(p, given[i]); // exact: nothing to compute, and equal programs score alike
                continue;
            }
            if (known.containsKey(p)) continue;
            Double cached = cache.get(p);
            Double below = bounded && cached == null ? notAbove.get(p) : null;
            if (cached != null) {
                known.put(p, cached);
            } else if (below != null && below <= threshold) {
                known.put(p, BatchResult.NOT_ABOVE);
            } else {
                known.put(p, null);
                todo.add(p);
            }
        }
        boolean passed = false;
        for (int from = 0; from < todo.size(); from += batch) {
            int to = Math.min(todo.size(), from + batch);
            if (passed) {
                // a program above the threshold came before these: the climb moves on without them
                for (Key k : todo.subList(from, to)) known.put(k, BatchResult.SKIPPED);
                continue;
            }
            List<Node.Program> part = new ArrayList<>(to - from);
            for (Key k : todo.subList(from, to)) part.add(k.program());
            double[] t = new double[part.size()];
            Arrays.fill(t, bounded ? threshold : Double.NaN);
            double[][] rows = null;
            if (returnsOf != null && !returnsOf.isEmpty()) {
                rows = new double[part.size()][];
                for (int k = 0; k < rows.length; k++) rows[k] = returnsOf.get(todo.get(from + k));
            }
            // one climbing step: only its programs up to the first above the threshold matter
            Scored scored = evaluator.means(part, t, bounded ? new int[part.size()] : null, rows);
            double[] means = scored.means();
            if (scored.episodes() == null) {
                episodesKnown = false;
            } else {
                for (int e : scored.episodes()) episodes += e;
            }
            for (int p = 0; p < means.length; p++) {
                Key program = todo.get(from + p);
                known.put(program, means[p]);
                if (BatchResult.skipped(means[p])) continue; // skipped: not computed, nothing learnt
                if (means[p] == BatchResult.NOT_ABOVE) {
                    notAbove.merge(program, threshold, Math::min);
                } else {
                    cache.put(program, means[p]);
                    passed |= bounded && means[p] > threshold;
                }
                computed++;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = known.get(keys[i]);
        }
        return out;
    }

    @Override
    public long computed() {
        return computed;
    }

    /** Episodes the backend ran for this scorer, or -1 when some call did not say. */
    @Override
    public long episodes() {
        return episodesKnown ? episodes : -1;
    }
}
