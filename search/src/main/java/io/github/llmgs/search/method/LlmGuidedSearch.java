package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LLM-GS loop (spec/search.md section 4): evaluate the seed programs in order, sort them
 * best first, then run SHC from each in turn, round after round, with the mutation stream and the
 * schedule continuing across runs, until solved or out of budget.
 */
public final class LlmGuidedSearch implements SearchMethod {
    public static final int SEEDS = 32;

    private final SeedSource seeds;
    private final Schedule schedule;
    private final long seed;
    private final int batch;
    private final Grammar grammar;

    /** LLM-GS over Karel programs. */
    public LlmGuidedSearch(SeedSource seeds, Schedule schedule, long seed, int batch) {
        this(seeds, schedule, seed, batch, new Grammar());
    }

    /** LLM-GS over the programs of {@code grammar}'s domain (mutation draws from it). */
    public LlmGuidedSearch(SeedSource seeds, Schedule schedule, long seed, int batch, Grammar grammar) {
        this.grammar = grammar;
        this.seeds = seeds;
        this.schedule = schedule;
        this.seed = seed;
        this.batch = batch;
    }

    @Override
    public String name() {
        return "llm-gs";
    }

    @Override
    public String seeding() {
        return seeds.description();
    }

    @Override
    public void run(SearchState state) {
        List<Node.Program> programs = seeds.seeds(SEEDS);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("source", seeds.description());
        info.put("count", programs.size());
        state.event("seeds", info);
        if (programs.isEmpty()) {
            throw new IllegalStateException("the seed source gave no programs: " + seeds.description());
        }
        double[] scores = state.evaluateInOrder(programs, (i, s) -> false);
        record Scored(Node.Program program, double score) {}
        List<Scored> ranked = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ranked.add(new Scored(programs.get(i), scores[i]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        for (Scored s : ranked) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("score", s.score());
            f.put("program", Printer.print(s.program()));
            state.event("seed_scored", f);
        }
        // List.sort is stable: equal scores keep the seeds' order, as the reference's sort does
        HillClimber climber = new HillClimber(state, new Mutator(grammar), SearchStream.of(seed), batch);
        while (!state.done() && !ranked.isEmpty()) {
            for (Scored s : ranked) {
                if (state.done()) break;
                climber.climb(s.program(), schedule.k(state.evaluated()));
            }
        }
    }
}
