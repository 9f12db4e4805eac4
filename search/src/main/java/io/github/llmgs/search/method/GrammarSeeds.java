package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Node;
import java.util.ArrayList;
import java.util.List;

/** Seeds LLM-GS from the probabilistic grammar when no LLM is configured. */
public final class GrammarSeeds implements SeedSource {
    private final long seed;
    private final String why;
    private final Grammar grammar;

    /** Karel programs from the grammar. */
    public GrammarSeeds(long seed, String why) {
        this(seed, why, new Grammar());
    }

    /** Programs of {@code grammar}'s domain. */
    public GrammarSeeds(long seed, String why, Grammar grammar) {
        this.seed = seed;
        this.why = why;
        this.grammar = grammar;
    }

    @Override
    public List<Node.Program> seeds(int count) {
        List<Node.Program> out = new ArrayList<>(count);
        var stream = SearchStream.of(seed);
        for (int i = 0; i < count; i++) {
            out.add(grammar.randomProgram(stream));
        }
        return out;
    }

    @Override
    public String description() {
        return "grammar (" + why + ")";
    }
}
