package io.github.llmgs.search.run;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.vm.Coverage;
import io.github.llmgs.search.method.BatchScorer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One engine shared by concurrent runs: the programs the runs submit are merged into one backend
 * call per lane (a task with its instances and call limit: one kernel configuration), up to a
 * pair limit. A call goes out when a lane is full, or when every active run is waiting (its
 * request pending or in flight), so no run's work waits on another's generation for long; the
 * engine runs on its own thread while the runs that are not in the call generate their next
 * candidates. Scores go back to each run in its programs' order, so a run's results are those
 * of the same run alone: only the grouping of the engine's work changes. A lane lives while a
 * member uses it, so a long-lived engine (the evaluation server) does not keep every task and
 * seed list it ever saw; a request whose thread is interrupted before its call goes out is
 * withdrawn.
 */
public final class Batcher implements AutoCloseable {
    /**
     * A request pending longer than this goes out anyway: a guard against a run that stalls
     * where it did not say so ({@link Member#away}). Long enough for a run drawing a step of
     * 2,048 neighbours on a loaded machine (at 100 ms, a fifth of a 32-run sweep's calls went
     * out early and a call carried 25 runs' requests instead of 28).
     */
    private static final long MAX_AGE_NANOS = 250_000_000L;
    /** One run in this many may still be generating when a call goes out. */
    private static final int STRAGGLERS = 8;

    private final long pairLimit;
    private final long maxAgeNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** The engine thread waits on this for work; each request has its own condition, so a call wakes only its runs. */
    private final Condition work = lock.newCondition();
    private final Map<Object, Lane> lanes = new LinkedHashMap<>();
    private final Thread engine;
    private final long startNanos = System.nanoTime();
    private int active;
    private int waiting;
    /** A backend call is running: the engine thread's, or a lone run's own ({@link #submit}). */
    private boolean inCall;
    private boolean closed;
    // engine metrics, under the lock
    private long calls;
    private long programs;
    /** Programs a backend skipped: its call carried them, but an earlier one of their group passed. */
    private long skipped;
    private long pairs;
    private long busyNanos;
    private int[] callSizes = new int[1024];

    /**
     * @param pairLimit the most (program, instance) pairs per engine call ({@link #pairLimit}); one
     *                  larger request still goes alone
     */
    public Batcher(long pairLimit) {
        this(pairLimit, MAX_AGE_NANOS);
    }

    /** @param maxAgeNanos {@link #MAX_AGE_NANOS}, or another guard (a test's: none to speak of) */
    Batcher(long pairLimit, long maxAgeNanos) {
        if (pairLimit < 1) throw new IllegalArgumentException("pair limit must be >= 1, got " + pairLimit);
        this.pairLimit = pairLimit;
        this.maxAgeNanos = maxAgeNanos;
        engine = new Thread(this::dispatch, "llmgs-engine");
        engine.setDaemon(true);
        engine.start();
    }

    /**
     * The pair limit for runs on these backends (either may be null): the smallest a backend asks
     * for, which for OpenCL comes from the device's memory.
     */
    public static long pairLimit(Backend karel, MiniGridEpisodes miniGrid) {
        long limit = Long.MAX_VALUE;
        if (karel != null) limit = Math.min(limit, karel.pairsPerCall());
        if (miniGrid != null) limit = Math.min(limit, miniGrid.pairsPerCall());
        return limit == Long.MAX_VALUE ? Backend.DEFAULT_PAIRS_PER_CALL : limit;
    }

    /** A run's place at the engine: join before its first request, leave when it ends (try-with-resources). */
    public Member join() {
        return new Member();
    }

    /** Lanes in use now: those of runs that have not left, or with requests pending. */
    public int lanes() {
        lock.lock();
        try {
            return lanes.size();
        } finally {
            lock.unlock();
        }
    }

    /** Everything sent to the engine so far. */
    public Metrics metrics() {
        lock.lock();
        try {
            return new Metrics(calls, programs, skipped, pairs, median(Arrays.copyOf(callSizes, (int) Math.min(calls, callSizes.length))),
                    busyNanos / 1e9, (System.nanoTime() - startNanos) / 1e9);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param skipped        programs carried by calls but skipped by the backend (a climbing step's
     *                       after its first improvement), so {@code programs - skipped} were scored
     * @param medianPrograms median programs per call (of the most recent calls when there were very many)
     * @param busySeconds    time the engine spent in calls
     */
    public record Metrics(long calls, long programs, long skipped, long pairs, double medianPrograms, double busySeconds,
                          double wallSeconds) {
        public double meanPrograms() { return calls == 0 ? 0 : (double) programs / calls; }
        public double meanScored() { return calls == 0 ? 0 : (double) (programs - skipped) / calls; }
        public double meanPairs() { return calls == 0 ? 0 : (double) pairs / calls; }
        public double busyFraction() { return wallSeconds <= 0 ? 0 : Math.min(1, busySeconds / wallSeconds); }

        /** For result.json and the sweep summary. */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine_calls", calls);
            m.put("programs_per_call_mean", meanPrograms());
            m.put("programs_per_call_median", medianPrograms);
            m.put("scored_per_call_mean", meanScored());
            m.put("pairs_per_call_mean", meanPairs());
            m.put("engine_busy_seconds", busySeconds);
            m.put("engine_busy_fraction", busyFraction());
            return m;
        }
    }

    /** A run at the engine: its lanes' evaluators, and what its requests cost it. */
    public final class Member implements AutoCloseable {
        private boolean joined;
        private boolean left;
        /** In {@link #away}: not counted in {@code active}. */
        private boolean awayNow;
        /** The lanes this run uses, by identity: each counts its users. */
        private final Set<Lane> used = Collections.newSetFromMap(new IdentityHashMap<>());
        private long calls;
        private long callPrograms;
        private final List<Integer> sizes = new ArrayList<>();
        private long waitNanos;
        private final long startNanos = System.nanoTime();
        private long busyAtStart = -1;

        private Member() {}

        /**
         * Scores for the lane {@code key} (runs with equal keys share calls, so the key must name
         * everything the evaluator's scores depend on), {@code instances} pairs per program.
         */
        public BatchScorer.Evaluator lane(Object key, int instances, BatchScorer.Evaluator evaluator) {
            Lane lane;
            lock.lock();
            try {
                if (left) throw new IllegalStateException("this run has left the engine");
                lane = lanes.computeIfAbsent(key, k -> new Lane(k, instances, evaluator));
                if (used.add(lane)) lane.users++;
            } finally {
                lock.unlock();
            }
            return new BatchScorer.Evaluator() {
                @Override
                public double[] means(List<Node.Program> programs) {
                    return submit(Member.this, lane, programs, null, null, null).means();
                }

                @Override
                public BatchScorer.Scored means(List<Node.Program> programs, double[] thresholds, int[] groups) {
                    return submit(Member.this, lane, programs, thresholds, groups, null);
                }

                @Override
                public BatchScorer.Scored means(List<Node.Program> programs, double[] thresholds, int[] groups,
                                                double[][] knownReturns) {
                    return submit(Member.this, lane, programs, thresholds, groups, knownReturns);
                }

                /** On the run's own evaluator and thread: a few episodes, no call to merge. */
                @Override
                public boolean[] reached(Node.Program program) {
                    return evaluator.reached(program);
                }

                @Override
                public Coverage.ByInstance byInstance(Node.Program program) {
                    return evaluator.byInstance(program);
                }
            };
        }

        /**
         * Runs {@code task} (an LLM request, say) with this run out of the count of runs the engine
         * waits for, so that the others' calls do not wait on a run that will not submit soon.
         */
        public <T> T away(Supplier<T> task) {
            lock.lock();
            try {
                if (joined && !left) {
                    active--;
                    awayNow = true;
                    work.signal(); // the others may all be waiting now
                }
            } finally {
                lock.unlock();
            }
            try {
                return task.get();
            } finally {
                lock.lock();
                try {
                    if (awayNow) {
                        awayNow = false;
                        if (!left) active++;
                    }
                } finally {
                    lock.unlock();
                }
            }
        }

        /** This run's share of the engine, for its result.json. */
        public Map<String, Object> metrics() {
            lock.lock();
            try {
                double wall = (System.nanoTime() - startNanos) / 1e9;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("engine_calls", calls);
                m.put("programs_per_call_mean", calls == 0 ? 0.0 : (double) callPrograms / calls);
                m.put("programs_per_call_median", median(sizes.stream().mapToInt(Integer::intValue).toArray()));
                m.put("waiting_seconds", waitNanos / 1e9);
                m.put("generating_seconds", Math.max(0, wall - waitNanos / 1e9));
                double busy = busyAtStart < 0 ? 0 : (busyNanos - busyAtStart) / 1e9;
                m.put("engine_busy_fraction", wall <= 0 ? 0.0 : Math.min(1, busy / wall));
                return m;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (left) return;
                left = true;
                for (Lane lane : used) {
                    // a lane no run uses is dropped; one still in a call lives on in that call alone
                    if (--lane.users == 0 && lane.pending.isEmpty() && lanes.get(lane.key) == lane) lanes.remove(lane.key);
                }
                used.clear();
                if (joined && !awayNow) {
                    active--;
                    work.signal(); // the others may all be waiting now
                }
                awayNow = false;
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class Lane {
        final Object key;
        final int instances;
        final BatchScorer.Evaluator evaluator;
        final ArrayDeque<Request> pending = new ArrayDeque<>();
        long pendingPairs;
        int users;

        Lane(Object key, int instances, BatchScorer.Evaluator evaluator) {
            this.key = key;
            this.instances = instances;
            this.evaluator = evaluator;
        }
    }

    private final class Request {
        final Condition answered = lock.newCondition();
        final Member member;
        final List<Node.Program> programs;
        /** Null: none. */
        final double[] thresholds;
        /** This request's own groups (null: none); a call renumbers them so that runs never share one. */
        final int[] groups;
        /** Null: none. */
        final double[][] knownReturns;
        final long since = System.nanoTime();
        double[] scores;
        int[] episodes;
        RuntimeException error;
        /** In a call: from then on the request waits for its scores, interrupted or not. */
        boolean taken;
        boolean done;

        Request(Member member, List<Node.Program> programs, double[] thresholds, int[] groups, double[][] knownReturns) {
            this.member = member;
            this.programs = programs;
            this.thresholds = thresholds == null ? null : thresholds.clone();
            this.groups = groups == null ? null : groups.clone();
            this.knownReturns = knownReturns == null ? null : knownReturns.clone();
        }
    }

    private BatchScorer.Scored submit(Member member, Lane lane, List<Node.Program> programs, double[] thresholds, int[] groups,
                                      double[][] knownReturns) {
        if (programs.isEmpty()) return new BatchScorer.Scored(new double[0], new int[0]);
        if (thresholds != null && thresholds.length != programs.size()) {
            throw new IllegalArgumentException(thresholds.length + " thresholds for " + programs.size() + " programs");
        }
        if (groups != null && (thresholds == null || groups.length != programs.size())) {
            throw new IllegalArgumentException("groups need thresholds, one group per program");
        }
        if (knownReturns != null && knownReturns.length != programs.size()) {
            throw new IllegalArgumentException(knownReturns.length + " rows of known returns for " + programs.size() + " programs");
        }
        Request r = new Request(member, List.copyOf(programs), thresholds, groups, knownReturns);
        long t0 = System.nanoTime();
        lock.lock();
        try {
            if (closed) throw new IllegalStateException("the engine is closed");
            if (!member.joined) {
                member.joined = true;
                member.busyAtStart = busyNanos;
                active++;
            }
            if (active == 1 && waiting == 0 && !inCall && !member.awayNow) {
                // the only run, and nothing else to merge: its thread makes the call itself,
                // sparing the hand-over to the engine thread and back on every call
                inCall = true;
                r.taken = true;
                waiting++;
                lock.unlock();
                try {
                    run(lane, List.of(r));
                } finally {
                    lock.lock();
                }
            } else {
                lane.pending.add(r);
                lane.pendingPairs += (long) programs.size() * lane.instances;
                waiting++;
                work.signal();
            }
            boolean interrupted = false;
            while (!r.done) {
                try {
                    r.answered.await();
                } catch (InterruptedException e) {
                    if (!r.taken) {
                        withdraw(lane, r);
                        member.waitNanos += System.nanoTime() - t0;
                        Thread.currentThread().interrupt();
                        throw new CancellationException("interrupted before the engine took the request");
                    }
                    interrupted = true; // the scores are on their way; the caller sees the flag after
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            member.waitNanos += System.nanoTime() - t0;
        } finally {
            lock.unlock();
        }
        if (r.error != null) throw r.error;
        return new BatchScorer.Scored(r.scores, r.episodes);
    }

    /** Takes a request that no call has taken back out of its lane (under the lock). */
    private void withdraw(Lane lane, Request r) {
        lane.pending.remove(r);
        lane.pendingPairs -= (long) r.programs.size() * lane.instances;
        waiting--;
    }

    /** The engine thread: one call at a time, each as large as the rule allows. */
    private void dispatch() {
        while (true) {
            Lane lane;
            List<Request> batch = new ArrayList<>();
            lock.lock();
            try {
                while ((lane = ready()) == null) {
                    if (closed) return;
                    try {
                        work.await(maxAgeNanos, TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                long taken = 0;
                while (!lane.pending.isEmpty()) {
                    Request next = lane.pending.peek();
                    long size = (long) next.programs.size() * lane.instances;
                    if (!batch.isEmpty() && taken + size > pairLimit) break;
                    Request r = lane.pending.poll();
                    r.taken = true;
                    batch.add(r);
                    taken += size;
                }
                lane.pendingPairs -= taken;
                inCall = true;
            } finally {
                lock.unlock();
            }
            run(lane, batch);
        }
    }

    /** The lane to call now: a full one, else (every run waiting, or a request too old) the one waiting longest. */
    private Lane ready() {
        if (inCall) return null; // one call at a time: a backend need not take two at once
        Lane oldest = null;
        for (Lane l : lanes.values()) {
            if (l.pending.isEmpty()) continue;
            if (l.pendingPairs >= pairLimit) return l;
            if (oldest == null || l.pending.peek().since < oldest.pending.peek().since) oldest = l;
        }
        if (oldest == null) return null;
        // all but a few stragglers: a run still drawing a large neighbourhood joins the next call
        // instead of holding this one, and draws while the engine works
        boolean everyoneWaits = waiting >= active - active / STRAGGLERS;
        boolean tooOld = System.nanoTime() - oldest.pending.peek().since > maxAgeNanos;
        return everyoneWaits || tooOld || closed ? oldest : null;
    }

    private void run(Lane lane, List<Request> batch) {
        List<Node.Program> merged = new ArrayList<>();
        for (Request r : batch) merged.addAll(r.programs);
        long t0 = System.nanoTime();
        try {
            BatchScorer.Scored scored = call(lane, merged, batch);
            int at = 0;
            for (Request r : batch) {
                r.scores = Arrays.copyOfRange(scored.means(), at, at + r.programs.size());
                r.episodes = Arrays.copyOfRange(scored.episodes(), at, at + r.programs.size());
                at += r.programs.size();
            }
        } catch (RuntimeException e) {
            // one run's bad program (over capacity, say) must fail that run only: each alone
            if (batch.size() == 1) {
                batch.get(0).error = e;
            } else {
                for (Request r : batch) {
                    try {
                        BatchScorer.Scored alone = call(lane, r.programs, List.of(r));
                        r.scores = alone.means();
                        r.episodes = alone.episodes();
                    } catch (RuntimeException failed) {
                        r.error = failed;
                    }
                }
            }
        } catch (Error e) {
            // out of memory, say: every run of the call fails with it rather than waiting forever
            for (Request r : batch) {
                if (r.scores == null) r.error = new IllegalStateException("the engine failed: " + e, e);
            }
        }
        long busy = System.nanoTime() - t0;
        lock.lock();
        try {
            busyNanos += busy;
            if (calls == callSizes.length && calls < (1 << 20)) callSizes = Arrays.copyOf(callSizes, callSizes.length * 2);
            callSizes[(int) (calls % callSizes.length)] = merged.size();
            calls++;
            programs += merged.size();
            for (Request r : batch) {
                if (r.scores == null) continue;
                for (double m : r.scores) if (BatchResult.skipped(m)) skipped++;
            }
            pairs += (long) merged.size() * lane.instances;
            inCall = false;
            work.signal(); // requests that came during the call
            for (Request r : batch) {
                r.done = true;
                waiting--;
                r.member.calls++;
                r.member.callPrograms += merged.size();
                r.member.sizes.add(merged.size());
                r.answered.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * One backend call for these requests' programs, with their thresholds (NaN where a request has
     * none), their groups, renumbered so that each request's stay its own, and their known returns.
     */
    private static BatchScorer.Scored call(Lane lane, List<Node.Program> programs, List<Request> requests) {
        double[] thresholds = new double[programs.size()];
        int[] groups = null;
        double[][] knownReturns = null;
        int at = 0, base = 0;
        for (Request r : requests) {
            int top = -1;
            for (int i = 0; i < r.programs.size(); i++, at++) {
                thresholds[at] = r.thresholds == null ? Double.NaN : r.thresholds[i];
                if (r.knownReturns != null && r.knownReturns[i] != null) {
                    if (knownReturns == null) knownReturns = new double[programs.size()][];
                    knownReturns[at] = r.knownReturns[i];
                }
                if (r.groups == null || r.groups[i] < 0) continue;
                if (groups == null) {
                    groups = new int[programs.size()];
                    Arrays.fill(groups, -1);
                }
                groups[at] = base + r.groups[i];
                top = Math.max(top, r.groups[i]);
            }
            base += top + 1;
        }
        BatchScorer.Scored scored = lane.evaluator.means(programs, thresholds, groups, knownReturns);
        int[] episodes = scored.episodes();
        if (episodes == null) {
            // an evaluator that ignores thresholds ran every instance
            episodes = new int[programs.size()];
            Arrays.fill(episodes, lane.instances);
        }
        return new BatchScorer.Scored(scored.means(), episodes);
    }

    private static double median(int[] values) {
        if (values.length == 0) return 0;
        int[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    /** Answers what is pending, then stops the engine thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            engine.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
