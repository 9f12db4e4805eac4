package io.github.llmgs.dsl;

import java.util.concurrent.locks.LockSupport;

/**
 * Draws a climbing step's neighbours on a helper thread, from a copy of the step's stream placed
 * ahead of it, and publishes the position each draw leaves the copy at. A neighbour's draws depend
 * only on where in the stream it starts, so once the step's own stream reaches a position the
 * scout published, every later one it published is where the step's stream would be after as
 * many more neighbours: the step skips there instead of drawing them (the Kruskal count's
 * coalescence, exact by construction). A scout stops when it meets the scout ahead of it (whose
 * positions then continue its own), at its cap, or when the step has what it needs.
 */
final class Scout implements Runnable {
    private final Draws.Positioned stream;
    private final Runnable draw;
    private final Scout ahead;
    /** positions[0] is where the scout starts; positions[n], where its n-th neighbour leaves it. */
    private final long[] positions;
    private volatile int published;
    /** The entries wanted: the scout publishes no more than these. */
    private volatile int limit;
    private volatile boolean finished;
    private volatile Thread waiter;
    /** The step's own place in {@link #positions}, read by the step's thread only. */
    private int cursor;

    /**
     * @param stream a copy of the step's stream, at the scout's start
     * @param draw   draws one neighbour of the step's program from {@code stream}
     * @param ahead  the scout that starts further on (null for the last)
     * @param cap    the most neighbours this scout draws
     */
    Scout(Draws.Positioned stream, Runnable draw, Scout ahead, int cap) {
        this.stream = stream;
        this.draw = draw;
        this.ahead = ahead;
        this.positions = new long[cap + 1];
        this.limit = positions.length;
    }

    @Override
    public void run() {
        try {
            int meet = 0; // this scout's place in the list of the scout ahead
            positions[0] = stream.position();
            published = 1;
            for (int n = 1; n < limit; n++) {
                draw.run();
                long at = positions[n] = stream.position();
                published = n + 1;
                if (ahead != null) {
                    int theirs = ahead.published;
                    while (meet < theirs && ahead.positions[meet] < at) meet++;
                    if (meet < theirs && ahead.positions[meet] == at) return; // the one ahead goes on from here
                }
                if (n + 1 >= limit) LockSupport.unpark(waiter);
            }
        } finally {
            finished = true;
            LockSupport.unpark(waiter);
        }
    }

    /** A scout that never ran (its thread refused): nothing will be published. */
    void abandon() {
        finished = true;
    }

    void stop() {
        limit = 0;
    }

    /**
     * The entry holding {@code position}, or -1: none yet, or only the last entry of a scout that
     * has finished, where it has nothing more to give. The step's positions only grow, so a
     * cursor makes the lookups linear in all.
     */
    int find(long position) {
        boolean done = finished;
        int n = published; // after finished: once it is set, every entry is published
        while (cursor < n && positions[cursor] < position) cursor++;
        if (cursor >= n || positions[cursor] != position) return -1;
        return done && cursor == n - 1 ? -1 : cursor;
    }

    long position(int entry) {
        return positions[entry];
    }

    /** Asks for {@code entries} at most and waits until they are published or the scout has finished: the entries published. */
    int await(int entries) {
        limit = Math.min(limit, Math.max(entries, published));
        waiter = Thread.currentThread();
        while (published < entries && !finished) LockSupport.parkNanos(this, 50_000);
        waiter = null;
        return Math.min(published, entries);
    }
}
