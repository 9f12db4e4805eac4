package io.github.llmgs.search.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run settings of a Karel run ({@code configs/karel.json}): the call limit, the evaluation
 * instances and the world options, plus the table of task sizes. The defaults are LLM-GS's
 * (spec/karel.md section 2); the jar carries a copy of {@code configs/karel.json} as
 * {@link #DEFAULT_RESOURCE}.
 *
 * <p>Loading checks every field: a broken file is a {@link ConfigException} naming the file, the
 * field and what is wrong, never a half-read configuration. Every field either reaches the engine
 * ({@code max_calls}, {@code seeds}) or is held to the one value the engine implements
 * ({@code domain}, {@code instances} = the number of seeds, {@code crashable},
 * {@code leaps_behaviour}, each task's size in {@code tasks}); none is accepted and ignored.
 */
public final class RunSettings {
    public static final String DEFAULT_RESOURCE = "/configs/karel.json";

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private static final Set<String> FIELDS = Set.of(
            "domain", "comment", "max_calls", "instances", "seeds", "crashable", "leaps_behaviour", "tasks");
    /** MiniGrid's world has no LEAPS move rule; its wrapper has a crash penalty instead. */
    private static final Set<String> MINIGRID_FIELDS = Set.of(
            "domain", "comment", "max_calls", "instances", "seeds", "crashable", "crash_penalty", "tasks");

    /** A task's grid size in the table. */
    public record TaskSize(int rows, int cols) {
        @Override
        public String toString() {
            return rows + " x " + cols;
        }
    }

    private final String source;
    private final String domain;
    private final int maxCalls;
    private final int instances;
    private final String seedsText;
    private final long[] seeds;
    private final boolean crashable;
    private final boolean leapsBehaviour;
    private final Map<String, TaskSize> tasks;

    private RunSettings(String source, String domain, int maxCalls, int instances, String seedsText, long[] seeds,
                        boolean crashable, boolean leapsBehaviour, Map<String, TaskSize> tasks) {
        this.source = source;
        this.domain = domain;
        this.maxCalls = maxCalls;
        this.instances = instances;
        this.seedsText = seedsText;
        this.seeds = seeds;
        this.crashable = crashable;
        this.leapsBehaviour = leapsBehaviour;
        this.tasks = Collections.unmodifiableMap(tasks);
    }

    /** Where the settings came from: a file path or {@code classpath:/configs/karel.json}. */
    public String source() { return source; }
    /** {@code domain}: {@code karel} (the default when the field is left out) or {@code minigrid}. */
    public String domain() { return domain; }
    /** {@code max_calls}: executed actions plus evaluated perceptions before the world crashes. */
    public int maxCalls() { return maxCalls; }
    /** {@code instances}: how many task instances a program is scored on. */
    public int instances() { return instances; }
    /** {@code seeds} as written, e.g. {@code 0-31}. */
    public String seedsText() { return seedsText; }
    /** {@code seeds}: the instances' RandomState seeds, in order. */
    public long[] seeds() { return seeds.clone(); }
    public boolean crashable() { return crashable; }
    public boolean leapsBehaviour() { return leapsBehaviour; }
    /** {@code tasks}: task name to grid size, in file order. */
    public Map<String, TaskSize> tasks() { return tasks; }

    /** The Karel settings shipped in the jar (a copy of {@code configs/karel.json}). */
    public static RunSettings loadDefault() {
        return loadDefault("karel");
    }

    /** A domain's settings shipped in the jar (a copy of {@code configs/<domain>.json}). */
    public static RunSettings loadDefault(String domain) {
        String resource = "/configs/" + domain + ".json";
        String where = "classpath:" + resource;
        try (InputStream in = RunSettings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException(where + ": not found (the build copies configs/" + domain + ".json there)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), where);
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static RunSettings load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses and checks a configuration; {@code source} names it in error messages. */
    public static RunSettings parse(String json, String source) {
        if (json.startsWith(BYTE_ORDER_MARK)) {
            json = json.substring(1); // some editors start UTF-8 files with one; it is not JSON
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().readTree(json);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().lines().findFirst().orElse("malformed JSON");
            String at = e.getLocation() == null ? ""
                    : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new ConfigException(source + at + ": malformed JSON (" + why + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + ": expected a JSON object at the top level");
        }
        Fields f = new Fields(source, root);
        String domain = root.has("domain") ? root.get("domain").asText() : "karel";
        if (!root.has("domain") || (root.get("domain").isTextual() && List.of("karel", "minigrid").contains(domain))) {
            // known domain: its fields are checked below
        } else {
            throw f.error("domain", "must be \"karel\" or \"minigrid\", got " + root.get("domain"));
        }
        Set<String> known = domain.equals("minigrid") ? MINIGRID_FIELDS : FIELDS;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw f.error(name, "unknown field for the " + domain + " domain (known fields: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        int maxCalls = f.positiveInt("max_calls");
        int instances = f.positiveInt("instances");
        String seedsText = f.text("seeds");
        long[] seeds;
        try {
            seeds = Seeds.parse(seedsText);
        } catch (IllegalArgumentException e) {
            throw f.error("seeds", e.getMessage());
        }
        if (seeds.length != instances) {
            throw f.error("seeds", "'" + seedsText + "' lists " + seeds.length + " seeds but 'instances' is " + instances);
        }
        boolean crashable = f.bool("crashable");
        if (crashable) {
            throw f.error("crashable", "only false is supported (the engine implements LLM-GS's non-crashable world)");
        }
        boolean leaps = false;
        if (domain.equals("karel")) {
            leaps = f.bool("leaps_behaviour");
            if (!leaps) {
                throw f.error("leaps_behaviour", "only true is supported (a blocked move turns the hero around)");
            }
        } else {
            JsonNode penalty = f.require("crash_penalty");
            if (!penalty.isNumber() || penalty.asDouble() != 0.0) {
                throw f.error("crash_penalty", "only 0.0 is supported (the reference's default), got " + penalty);
            }
        }
        JsonNode tasksNode = f.require("tasks");
        if (!tasksNode.isObject() || tasksNode.isEmpty()) {
            throw f.error("tasks", "must be a non-empty object of task name -> {\"rows\": R, \"cols\": C}");
        }
        Map<String, TaskSize> tasks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tasksNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "tasks." + e.getKey();
            if (!e.getValue().isObject()) {
                throw f.error(field, "must be an object {\"rows\": R, \"cols\": C}, got " + e.getValue());
            }
            Fields sub = new Fields(source, e.getValue(), field + ".");
            for (Iterator<String> names = e.getValue().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("rows") && !name.equals("cols")) {
                    throw sub.error(name, "unknown field (a task has rows and cols)");
                }
            }
            TaskSize size = new TaskSize(sub.positiveInt("rows"), sub.positiveInt("cols"));
            checkEngineSize(f, field, e.getKey(), size, domain);
            tasks.put(e.getKey(), size);
        }
        return new RunSettings(source, domain, maxCalls, instances, seedsText, seeds, crashable, leaps, tasks);
    }

    /**
     * The engine's task generators have fixed sizes, the reference's; a table entry that named
     * another size, or a task the engine lacks, would be accepted and then ignored.
     */
    private static void checkEngineSize(Fields f, String field, String name, TaskSize size, String domain) {
        Map<String, TaskSize> sizes = new LinkedHashMap<>();
        if (domain.equals("minigrid")) {
            for (MiniGridTask t : MiniGridTasks.ALL) sizes.put(t.name(), new TaskSize(t.height(), t.width()));
        } else {
            for (Task t : Tasks.all()) sizes.put(t.name(), new TaskSize(t.rows(), t.cols()));
        }
        TaskSize engine = sizes.get(name);
        if (engine == null) {
            throw f.error(field, "unknown " + domain + " task '" + name + "' (known tasks: "
                    + String.join(", ", sizes.keySet()) + ")");
        }
        if (!engine.equals(size)) {
            throw f.error(field, size + " is not supported: the engine implements " + name + " at " + engine
                    + " only, as the reference does");
        }
    }

    /** Typed, checked access to an object's fields, with messages naming file and field. */
    private record Fields(String source, JsonNode node, String prefix) {
        Fields(String source, JsonNode node) {
            this(source, node, "");
        }

        ConfigException error(String field, String why) {
            return new ConfigException(source + ": field '" + prefix + field + "': " + why);
        }

        JsonNode require(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error(field, "missing");
            }
            return v;
        }

        int positiveInt(String field) {
            JsonNode v = require(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() <= 0) {
                throw error(field, "must be a positive whole number, got " + v);
            }
            return v.asInt();
        }

        String text(String field) {
            JsonNode v = require(field);
            if (!v.isTextual()) {
                throw error(field, "must be a string, got " + v);
            }
            return v.asText();
        }

        boolean bool(String field) {
            JsonNode v = require(field);
            if (!v.isBoolean()) {
                throw error(field, "must be true or false, got " + v);
            }
            return v.asBoolean();
        }
    }
}
