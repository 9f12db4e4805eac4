package io.github.llmgs.search.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs many searches at once, each on its own thread and with its own stream, accounting and
 * outputs, all sharing one {@link Batcher}: the more runs wait on the engine together, the larger
 * its calls. At most {@code concurrency} run at a time, started in the order given. A progress
 * line says how many runs finished and are active, the engine's programs/s and its mean call.
 */
public final class RunPool {
    /** One search to run; {@code work} returns null when it was skipped (the sweep was stopped first). */
    public record Job(String name, Supplier<SearchOutcome> work) {}

    /** What became of a job, in the order the jobs were given. */
    public record Done(Job job, SearchOutcome outcome, RuntimeException error) {}

    private final int concurrency;
    private final Batcher batcher;
    private final StopSignal stop;
    private final PrintStream out;
    private final double progressSeconds;

    public RunPool(int concurrency, Batcher batcher, StopSignal stop, PrintStream out, double progressSeconds) {
        if (concurrency < 1) throw new IllegalArgumentException("--concurrency must be >= 1, got " + concurrency);
        this.concurrency = concurrency;
        this.batcher = batcher;
        this.stop = stop;
        this.out = out;
        this.progressSeconds = progressSeconds;
    }

    /**
     * Runs the jobs; an error in one stops the others after their batch in flight (they are
     * written as interrupted, to be redone), as Ctrl-C would, and is reported in its Done.
     */
    public List<Done> run(List<Job> jobs) {
        List<Done> done = new ArrayList<>();
        if (jobs.isEmpty()) return done;
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger active = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(concurrency, jobs.size()), r -> {
            Thread t = new Thread(r, "llmgs-run");
            t.setDaemon(true);
            return t;
        });
        List<Future<Done>> futures = new ArrayList<>();
        for (Job job : jobs) {
            futures.add(threads.submit(() -> {
                if (stop.stopped()) return new Done(job, null, null);
                active.incrementAndGet();
                try {
                    SearchOutcome o = job.work().get();
                    report(job, o, finished.incrementAndGet(), jobs.size());
                    return new Done(job, o, null);
                } catch (RuntimeException e) {
                    stop.stop();
                    return new Done(job, null, e);
                } finally {
                    active.decrementAndGet();
                }
            }));
        }
        threads.shutdown();
        long interval = (long) (progressSeconds * 1000);
        try {
            while (!threads.awaitTermination(interval, TimeUnit.MILLISECONDS)) {
                progress(finished.get(), active.get(), jobs.size());
            }
            for (Future<Done> f : futures) done.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a run's thread failed", e.getCause());
        }
        return done;
    }

    private void report(Job job, SearchOutcome o, int finished, int total) {
        String best = o.bestProgram() == null ? "no program evaluated"
                : String.format("best %.6f after %,d programs", o.bestScore(), o.programsEvaluated());
        synchronized (out) {
            out.printf("[%d/%d done] %s: %s, %s, %.1f s%n", finished, total, job.name(), o.status(), best, o.wallSeconds());
            out.flush();
        }
    }

    private void progress(int finished, int active, int total) {
        Batcher.Metrics m = batcher.metrics();
        synchronized (out) {
            out.printf("runs: %d of %d finished, %d active; engine %,.0f programs/s, %,.0f programs (%,.0f pairs) per call, "
                            + "busy %.0f%%%n", finished, total, active, m.programs() / Math.max(m.wallSeconds(), 1e-9),
                    m.meanPrograms(), m.meanPairs(), 100 * m.busyFraction());
            out.flush();
        }
    }
}
