package io.github.llmgs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every program the reference evaluated in the public search vectors (search.jsonl: 5,174
 * evaluations, 3,681 distinct programs per task) scores on this backend exactly the double the
 * reference computed: the sum of 32 returns in seed order divided by 32, each return summed in
 * step order. Every {@code strictly greater} of a replayed search sees these doubles, so a search
 * can replay the reference's path only on a backend that passes this. Subclasses name the backend.
 */
public abstract class SearchScoresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INSTANCES = 32;

    protected abstract Backend backend();

    /** The recorded searches of search.jsonl, one JSON object per run, from the test classpath. */
    public static List<JsonNode> runs() throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (InputStream in = SearchScoresTest.class.getResourceAsStream("/conformance/search/search.jsonl")) {
            if (in == null) throw new IllegalStateException("/conformance/search/search.jsonl is not on the test classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) runs.add(JSON.readTree(line));
            }
        }
        return runs;
    }

    /** The recorded score of each distinct program, per task, in first-seen order. */
    static Map<String, Map<String, Double>> recorded() throws IOException {
        Map<String, Map<String, Double>> byTask = new LinkedHashMap<>();
        for (JsonNode run : runs()) {
            Map<String, Double> scores = byTask.computeIfAbsent(run.get("task").asText(), t -> new LinkedHashMap<>());
            for (JsonNode e : run.get("evaluations")) {
                Double before = scores.put(e.get(0).asText(), e.get(1).asDouble());
                assertTrue(before == null || before == e.get(1).asDouble(), "the reference scores a program the same every time");
            }
        }
        return byTask;
    }

    @Test
    void everyRecordedScoreIsReproducedBitForBit() throws IOException {
        Map<String, Map<String, Double>> byTask = recorded();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Backend backend = backend()) {
            for (Map.Entry<String, Map<String, Double>> t : byTask.entrySet()) {
                Task task = Tasks.byName(t.getKey());
                List<TaskInstance> instances = new ArrayList<>();
                for (int s = 0; s < INSTANCES; s++) instances.add(task.generate(s));
                List<String> texts = new ArrayList<>(t.getValue().keySet());
                List<Node.Program> programs = texts.stream().map(Parser::parse).toList();
                double[] means = backend.evaluate(new BatchRequest(task, instances, programs, false,
                        TreeWalker.DEFAULT_MAX_CALLS)).means();
                for (int p = 0; p < texts.size(); p++) {
                    double want = t.getValue().get(texts.get(p));
                    checked++;
                    // ==, as the search compares: 0.0 and -0.0 decide every > alike
                    if (want != means[p] && failures.size() < 5) {
                        failures.add(task.name() + " " + texts.get(p) + ": reference " + want + ", " + backend.name() + " " + means[p]);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(3_681, checked, "distinct (task, program) pairs of search.jsonl");
    }
}
