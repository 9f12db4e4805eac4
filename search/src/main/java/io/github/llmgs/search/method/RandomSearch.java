package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Node;
import java.util.ArrayList;
import java.util.List;

/** Random grammar programs, each evaluated once, until solved or out of budget. */
public final class RandomSearch implements SearchMethod {
    private final long seed;
    private final int batch;
    private final Grammar grammar;

    /** Random Karel programs. */
    public RandomSearch(long seed, int batch) {
        this(seed, batch, new Grammar());
    }

    /** Random programs of {@code grammar}'s domain. */
    public RandomSearch(long seed, int batch, Grammar grammar) {
        this.grammar = grammar;
        this.seed = seed;
        this.batch = batch;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public void run(SearchState state) {
        var stream = SearchStream.of(seed);
        while (!state.done()) {
            int b = (int) Math.min(batch, state.remaining());
            List<Node.Program> programs = new ArrayList<>(b);
            for (int i = 0; i < b; i++) {
                programs.add(grammar.randomProgram(stream));
            }
            state.evaluateInOrder(programs, (i, s) -> false);
        }
    }
}
