package io.github.llmgs.engine;

/**
 * Receives every executed action and evaluated condition of an episode, for step-by-step traces
 * and for differential-test failure messages. Backends call it only when one is given.
 */
public interface StepLog {
    void action(String action, World world, double reward, boolean terminated);

    void condition(String condition, boolean value, World world);

    /** A StepLog that renders one line per event into a StringBuilder. */
    static StepLog into(StringBuilder out) {
        return new StepLog() {
            @Override
            public void action(String action, World w, double reward, boolean terminated) {
                out.append(String.format("calls=%d %-10s -> (%d,%d,%c) r=%s%s%s%n", w.numCalls, action, w.row,
                        w.col, Direction.arrow(w.dir), reward, terminated ? " END" : "", w.crashed ? " CRASHED" : ""));
            }

            @Override
            public void condition(String condition, boolean value, World w) {
                out.append(String.format("calls=%d %-10s = %s%s%n", w.numCalls, condition, value,
                        w.crashed ? " CRASHED" : ""));
            }
        };
    }
}
