package io.github.llmgs.search.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Search defaults ({@code configs/search.json}): method, budget, batch, backend, HC's k, SHC's
 * schedule and the LLM settings. Every error names the file, the field and why.
 */
public record SearchConfig(String source, String method, long budget, int batch, String backend, int hcK,
                           int shcKStart, int shcKEnd, Llm llm) {
    public static final String DEFAULT_RESOURCE = "/configs/search.json";
    private static final Set<String> FIELDS = Set.of("comment", "method", "budget", "batch", "backend", "hc_k",
            "shc_k_start", "shc_k_end", "llm");
    private static final Set<String> LLM_FIELDS = Set.of("base_url", "model", "api_key_env", "temperature", "top_p",
            "max_tokens", "prompt_mode");

    /** LLM settings; {@code baseUrl} null means no endpoint configured. */
    public record Llm(String baseUrl, String model, String apiKeyEnv, double temperature, double topP, int maxTokens,
                      String promptMode) {}

    public static SearchConfig loadDefault() {
        String where = "classpath:" + DEFAULT_RESOURCE;
        try (InputStream in = SearchConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new ConfigException(where + ": not found (the build copies configs/search.json there)");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), where);
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static SearchConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static SearchConfig parse(String json, String source) {
        JsonNode root;
        try {
            root = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new ConfigException(source + at + ": malformed JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) throw new ConfigException(source + ": expected a JSON object at the top level");
        checkFields(source, "", root, FIELDS);
        String method = text(source, root, "method", "llm-gs");
        if (!List.of("hc", "shc", "random", "llm-gs").contains(method)) {
            throw new ConfigException(source + ": field 'method': unknown method '" + method + "' (hc, shc, random, llm-gs)");
        }
        long budget = positiveLong(source, root, "budget", 1_000_000);
        int batch = (int) positiveLong(source, root, "batch", 1024);
        String backend = text(source, root, "backend", "auto");
        int hcK = (int) positiveLong(source, root, "hc_k", 250);
        int kStart = (int) positiveLong(source, root, "shc_k_start", 32);
        int kEnd = (int) positiveLong(source, root, "shc_k_end", 2048);
        if (kEnd < kStart) throw new ConfigException(source + ": field 'shc_k_end': must be >= shc_k_start (" + kStart + ")");
        JsonNode l = root.get("llm");
        Llm llm;
        if (l == null) {
            llm = new Llm(null, "gpt-4-turbo-2024-04-09", "OPENAI_API_KEY", 1.0, 1.0, 1024, "python-to-dsl");
        } else {
            if (!l.isObject()) throw new ConfigException(source + ": field 'llm': must be an object");
            checkFields(source, "llm.", l, LLM_FIELDS);
            llm = new Llm(text(source, l, "base_url", null), text(source, l, "model", "gpt-4-turbo-2024-04-09"),
                    text(source, l, "api_key_env", "OPENAI_API_KEY"), number(source, l, "temperature", 1.0),
                    number(source, l, "top_p", 1.0), (int) positiveLong(source, l, "max_tokens", 1024),
                    text(source, l, "prompt_mode", "python-to-dsl"));
        }
        return new SearchConfig(source, method, budget, batch, backend, hcK, kStart, kEnd, llm);
    }

    private static void checkFields(String source, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new ConfigException(source + ": field '" + prefix + name + "': unknown field (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(String source, JsonNode node, String field, String dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isTextual()) throw new ConfigException(source + ": field '" + field + "': must be a string, got " + v);
        return v.asText();
    }

    private static long positiveLong(String source, JsonNode node, String field, long dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isIntegralNumber() || v.asLong() <= 0 || v.asLong() > Integer.MAX_VALUE * 1024L) {
            throw new ConfigException(source + ": field '" + field + "': must be a positive integer, got " + v);
        }
        return v.asLong();
    }

    private static double number(String source, JsonNode node, String field, double dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw new ConfigException(source + ": field '" + field + "': must be a number, got " + v);
        return v.asDouble();
    }
}
