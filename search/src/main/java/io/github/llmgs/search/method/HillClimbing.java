package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;

/**
 * HC and SHC baselines: climb from fresh random programs until solved or out of budget. HC uses
 * a fixed k (250); SHC sets k from the schedule at the start of each run.
 */
public final class HillClimbing implements SearchMethod {
    private final String name;
    private final Schedule schedule;
    private final int fixedK;
    private final long seed;
    private final int batch;
    private final Grammar grammar;

    private HillClimbing(String name, Schedule schedule, int fixedK, long seed, int batch, Grammar grammar) {
        this.grammar = grammar;
        this.name = name;
        this.schedule = schedule;
        this.fixedK = fixedK;
        this.seed = seed;
        this.batch = batch;
    }

    /** HC over Karel programs. */
    public static HillClimbing hc(int k, long seed, int batch) {
        return hc(k, seed, batch, new Grammar());
    }

    /** HC over the programs of {@code grammar}'s domain. */
    public static HillClimbing hc(int k, long seed, int batch, Grammar grammar) {
        return new HillClimbing("hc", null, k, seed, batch, grammar);
    }

    /** SHC over Karel programs. */
    public static HillClimbing shc(Schedule schedule, long seed, int batch) {
        return shc(schedule, seed, batch, new Grammar());
    }

    /** SHC over the programs of {@code grammar}'s domain. */
    public static HillClimbing shc(Schedule schedule, long seed, int batch, Grammar grammar) {
        return new HillClimbing("shc", schedule, 0, seed, batch, grammar);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(SearchState state) {
        var stream = SearchStream.of(seed);
        HillClimber climber = new HillClimber(state, new Mutator(grammar), stream, batch);
        while (!state.done()) {
            int k = schedule == null ? fixedK : schedule.k(state.evaluated());
            climber.climb(grammar.randomProgram(stream), k);
        }
    }
}
