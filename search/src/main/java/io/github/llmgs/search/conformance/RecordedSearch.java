package io.github.llmgs.search.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.conformance.VectorFormatException;
import io.github.llmgs.engine.conformance.VectorLine;
import io.github.llmgs.search.method.HillClimbing;
import io.github.llmgs.search.method.LlmGuidedSearch;
import io.github.llmgs.search.method.Schedule;
import io.github.llmgs.search.method.SearchMethod;
import io.github.llmgs.search.method.SeedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code search.jsonl}: a search the reference ran (task, method, seed, budget, k or
 * its schedule, LLM-GS's seed programs) and the first {@code n} evaluations it made, in order.
 */
public record RecordedSearch(VectorLine line, Task task, String method, long seed, long budget,
                             JsonNode settings, List<Node.Program> seedPrograms, List<Evaluation> evaluations) {

    /** A recorded evaluation: the program as the reference printed it and the double it computed. */
    public record Evaluation(String program, double score) {}

    /** The settings of the schedule the reference's SHC uses; no other is recorded. */
    private static final Map<String, String> SCHEDULE = Map.of("schedule", "sin", "ratio", "log", "interpolation", "log");

    public static RecordedSearch of(VectorLine line) {
        String taskName = line.textField("task");
        Task task;
        try {
            task = Tasks.byName(taskName);
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(line.where() + ": field 'task': unknown Karel task '" + taskName + "'");
        }
        String method = line.textField("method");
        long budget = line.longField("budget");
        if (budget < 1) throw new VectorFormatException(line.where() + ": field 'budget' must be >= 1, got " + budget);
        List<Node.Program> seeds = List.of();
        switch (method) {
            case "hc" -> positive(line, "k");
            case "shc", "llm-gs" -> {
                positive(line, "k_start");
                positive(line, "k_end");
                for (Map.Entry<String, String> s : SCHEDULE.entrySet()) {
                    if (line.node().has(s.getKey()) && !line.textField(s.getKey()).equals(s.getValue())) {
                        throw new VectorFormatException(line.where() + ": field '" + s.getKey() + "' is '"
                                + line.textField(s.getKey()) + "'; only the reference's '" + s.getValue() + "' is replayed");
                    }
                }
                if (method.equals("llm-gs")) seeds = programs(line);
            }
            default -> throw new VectorFormatException(line.where() + ": field 'method': unknown method '" + method
                    + "' (expected hc, shc or llm-gs)");
        }
        int n = line.intField("n");
        JsonNode evals = line.arrayField("evaluations", -1);
        if (n < 0 || n > evals.size()) {
            throw new VectorFormatException(line.where() + ": field 'n' is " + n + " but 'evaluations' holds " + evals.size());
        }
        List<Evaluation> evaluations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNode e = evals.get(i);
            if (!e.isArray() || e.size() != 2 || !e.get(0).isTextual() || !e.get(1).isNumber()) {
                throw new VectorFormatException(line.where() + ": evaluations[" + i + "] must be [program, score]");
            }
            evaluations.add(new Evaluation(e.get(0).asText(), e.get(1).asDouble()));
        }
        return new RecordedSearch(line, task, method, line.longField("seed"), budget, line.node(), seeds, evaluations);
    }

    /** The search as the engine runs it, drawing from the reference's stream for this seed. */
    public SearchMethod search(int batch) {
        return switch (method) {
            case "hc" -> HillClimbing.hc(settings.get("k").asInt(), seed, batch);
            case "shc" -> HillClimbing.shc(schedule(), seed, batch);
            default -> new LlmGuidedSearch(SeedSource.of(seedPrograms, "recorded seed programs"), schedule(), seed, batch);
        };
    }

    /** For messages: "line 3 (MazeSparse hc seed 0)". */
    public String name() {
        return line.where() + " (" + task.name() + " " + method + " seed " + seed + ")";
    }

    private Schedule schedule() {
        return new Schedule(settings.get("k_start").asInt(), settings.get("k_end").asInt(), budget);
    }

    private static void positive(VectorLine line, String field) {
        if (line.intField(field) < 1) throw new VectorFormatException(line.where() + ": field '" + field + "' must be >= 1");
    }

    private static List<Node.Program> programs(VectorLine line) {
        JsonNode array = line.arrayField("seed_programs", -1);
        List<Node.Program> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                out.add(Parser.parse(array.get(i).asText()));
            } catch (ParseException e) {
                throw new VectorFormatException(line.where() + ": seed_programs[" + i + "]: " + e.getMessage());
            }
        }
        if (out.isEmpty()) throw new VectorFormatException(line.where() + ": field 'seed_programs' is empty");
        return out;
    }
}
