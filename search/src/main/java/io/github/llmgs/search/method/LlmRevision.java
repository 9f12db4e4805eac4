package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.llm.EpisodeTrace;
import io.github.llmgs.llm.RevisionPrompts;
import io.github.llmgs.llm.RevisionVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's revision ablation (spec/llm.md, "Revision variants"): no search; round 0 evaluates
 * the LLM's 32 programs in order, and each later round shows the LLM the variant's context about
 * the previous round and evaluates the programs it writes back. Every program counts toward the
 * budget; the run ends early when solved, out of budget or cancelled.
 */
public final class LlmRevision implements SearchMethod {
    public static final int PROGRAMS = LlmGuidedSearch.SEEDS;
    public static final int DEFAULT_ROUNDS = 5;
    public static final String PREFIX = "llm-revision-";

    /** One round's outcome; best score and program are null when none of its programs counted. */
    public record Round(int round, int programs, int evaluated, Double bestScore, String bestProgram, long evaluatedAfter,
                        Integer traceInstance) {
        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("round", round);
            f.put("programs", programs);
            f.put("evaluated", evaluated);
            f.put("best_score", bestScore);
            f.put("best_program", bestProgram);
            f.put("programs_evaluated_after", evaluatedAfter);
            if (traceInstance != null) f.put("trace_instance", traceInstance);
            return f;
        }
    }

    private final Reviser reviser;
    private final TraceSource traces;
    private final RevisionVariant variant;
    private final int rounds;
    private final List<Round> done = new ArrayList<>();

    public LlmRevision(Reviser reviser, TraceSource traces, RevisionVariant variant, int rounds) {
        if (rounds < 0) throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
        this.reviser = reviser;
        this.traces = traces;
        this.variant = variant;
        this.rounds = rounds;
    }

    /** The method's name for a variant, which is also its run directory's: {@code llm-revision-agent-trace}. */
    public static String methodName(RevisionVariant variant) {
        return PREFIX + variant.id();
    }

    @Override
    public String name() {
        return methodName(variant);
    }

    @Override
    public String seeding() {
        return reviser.description();
    }

    @Override
    public void run(SearchState state) {
        try {
            List<Node.Program> programs = reviser.seeds(PROGRAMS);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("source", reviser.description());
            info.put("count", programs.size());
            state.event("seeds", info);
            if (programs.isEmpty()) {
                throw new IllegalStateException("the LLM gave no valid program in round 0: " + reviser.description());
            }
            List<RevisionPrompts.Scored> previous = round(state, 0, programs, null);
            for (int r = 1; r <= rounds && !state.done() && !previous.isEmpty(); r++) {
                EpisodeTrace trace = variant.needsTrace() ? traces.worst(best(previous).program()) : null;
                List<Node.Program> revised = reviser.revise(r, new RevisionPrompts.Context(variant, previous, trace), PROGRAMS);
                List<RevisionPrompts.Scored> scored = round(state, r, revised, trace == null ? null : trace.instance());
                // a round with no valid answer leaves the last programs to revise again
                if (!scored.isEmpty()) previous = scored;
            }
        } finally {
            reviser.close();
        }
    }

    /** Evaluates a round's programs in order and returns the counted ones with their scores, in that order. */
    private List<RevisionPrompts.Scored> round(SearchState state, int r, List<Node.Program> programs, Integer instance) {
        double[] scores = programs.isEmpty() ? new double[0] : state.evaluateInOrder(programs, (i, s) -> false);
        List<RevisionPrompts.Scored> scored = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) scored.add(new RevisionPrompts.Scored(programs.get(i), scores[i]));
        RevisionPrompts.Scored best = scored.isEmpty() ? null : best(scored);
        Round result = new Round(r, programs.size(), scores.length, best == null ? null : best.score(),
                best == null ? null : Printer.print(best.program()), state.evaluated(), instance);
        done.add(result);
        state.event("revision_round", result.fields());
        return scored;
    }

    /** The best of a round, the first evaluated among equals (the head of a stable sort, best first). */
    private static RevisionPrompts.Scored best(List<RevisionPrompts.Scored> scored) {
        RevisionPrompts.Scored top = scored.get(0);
        for (RevisionPrompts.Scored s : scored) if (s.score() > top.score()) top = s;
        return top;
    }

    /** What result.json records under "revision": the variant, the rounds asked for and each round's best. */
    @Override
    public Map<String, Object> resultFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("variant", variant.id());
        f.put("rounds", rounds);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Round r : done) list.add(r.fields());
        f.put("round_bests", list);
        return f;
    }

    public List<Round> rounds() {
        return List.copyOf(done);
    }
}
