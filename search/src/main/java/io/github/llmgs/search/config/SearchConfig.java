package io.github.llmgs.search.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.llm.PromptMode;
import io.github.llmgs.llm.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Search defaults ({@code configs/search.json}): method, budget (Karel's; {@code minigrid_budget}
 * for MiniGrid tasks), batch, backend, HC's k, SHC's
 * schedule and the LLM settings. Every error names the file, the field and why.
 */
public record SearchConfig(String source, String method, long budget, long minigridBudget, int batch, String backend,
                           int hcK, int shcKStart, int shcKEnd, Llm llm) {
    public static final String DEFAULT_RESOURCE = "/configs/search.json";
    private static final Set<String> FIELDS = Set.of("comment", "method", "budget", "minigrid_budget", "batch", "backend",
            "hc_k", "shc_k_start", "shc_k_end", "llm");
    private static final Set<String> LLM_FIELDS = Set.of("base_url", "model", "api_key_env", "temperature", "top_p",
            "max_tokens", "prompt_mode", "connect_timeout_s", "read_timeout_s", "call_timeout_s", "max_attempts",
            "max_response_bytes");
    /** A day: longer than any answer is worth waiting for, and within OkHttp's int milliseconds. */
    public static final double MAX_TIMEOUT_S = 86_400;
    public static final int MAX_ATTEMPTS = 100;
    public static final long MIN_RESPONSE_BYTES = 1024;
    public static final long MAX_RESPONSE_BYTES = 1L << 30;

    /**
     * LLM settings; {@code baseUrl} null means no endpoint configured.
     *
     * @param connectTimeout   {@code connect_timeout_s} (default 10 s)
     * @param readTimeout      {@code read_timeout_s}: the longest silence on the socket (default 300 s)
     * @param callTimeout      {@code call_timeout_s}: one whole attempt (default 600 s)
     * @param maxAttempts      {@code max_attempts}: HTTP attempts per request, retries included (default 5)
     * @param maxResponseBytes {@code max_response_bytes}: the most read of one response body (default 4 MiB)
     */
    public record Llm(String baseUrl, String model, String apiKeyEnv, double temperature, double topP, int maxTokens,
                      String promptMode, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                      int maxAttempts, long maxResponseBytes) {
        static Llm defaults() {
            return new Llm(null, LlmConfig.DEFAULT_MODEL, LlmConfig.DEFAULT_API_KEY_ENV, 1.0, 1.0, 1024,
                    PromptMode.PYTHON_TO_DSL.id(), LlmConfig.DEFAULT_CONNECT_TIMEOUT, LlmConfig.DEFAULT_READ_TIMEOUT,
                    LlmConfig.DEFAULT_CALL_TIMEOUT, RetryPolicy.DEFAULT_MAX_ATTEMPTS,
                    LlmConfig.DEFAULT_MAX_RESPONSE_BYTES);
        }
    }

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
        Fields top = new Fields(source, "", root);
        top.checkKnown(FIELDS);
        String method = top.text("method", "llm-gs");
        if (!List.of("hc", "shc", "random", "llm-gs").contains(method)) {
            throw top.error("method", "unknown method '" + method + "' (hc, shc, random, llm-gs)");
        }
        long budget = top.positiveLong("budget", 1_000_000, Long.MAX_VALUE / 2);
        // the paper's MiniGrid protocol evaluates 10^4 programs per run, Karel's 10^6
        long minigridBudget = top.positiveLong("minigrid_budget", 10_000, Long.MAX_VALUE / 2);
        int batch = top.positiveInt("batch", 1024, Integer.MAX_VALUE);
        String backend = top.text("backend", "auto");
        int hcK = top.positiveInt("hc_k", 250, Integer.MAX_VALUE);
        int kStart = top.positiveInt("shc_k_start", 32, Integer.MAX_VALUE);
        int kEnd = top.positiveInt("shc_k_end", 2048, Integer.MAX_VALUE);
        if (kEnd < kStart) throw top.error("shc_k_end", "must be >= shc_k_start (" + kStart + ")");
        Llm llm = llm(top);
        return new SearchConfig(source, method, budget, minigridBudget, batch, backend, hcK, kStart, kEnd, llm);
    }

    private static Llm llm(Fields top) {
        JsonNode l = top.node.get("llm");
        if (l == null) {
            return Llm.defaults();
        }
        if (!l.isObject()) throw top.error("llm", "must be an object, got " + l);
        Llm d = Llm.defaults();
        Fields f = new Fields(top.source, "llm.", l);
        f.checkKnown(LLM_FIELDS);
        String baseUrl = f.text("base_url", d.baseUrl());
        String model = f.text("model", d.model());
        String keyEnv = f.text("api_key_env", d.apiKeyEnv());
        double temperature = f.number("temperature", d.temperature());
        if (!(temperature >= 0 && temperature <= 2)) throw f.error("temperature", "must be in 0..2, got " + temperature);
        double topP = f.number("top_p", d.topP());
        if (!(topP > 0 && topP <= 1)) throw f.error("top_p", "must be in (0, 1], got " + topP);
        int maxTokens = f.positiveInt("max_tokens", d.maxTokens(), Integer.MAX_VALUE);
        String mode = f.text("prompt_mode", d.promptMode());
        try {
            PromptMode.fromString(mode);
        } catch (IllegalArgumentException e) {
            throw f.error("prompt_mode", e.getMessage());
        }
        return new Llm(baseUrl, model, keyEnv, temperature, topP, maxTokens, mode,
                f.seconds("connect_timeout_s", d.connectTimeout()), f.seconds("read_timeout_s", d.readTimeout()),
                f.seconds("call_timeout_s", d.callTimeout()),
                f.positiveInt("max_attempts", d.maxAttempts(), MAX_ATTEMPTS),
                f.boundedLong("max_response_bytes", d.maxResponseBytes(), MIN_RESPONSE_BYTES, MAX_RESPONSE_BYTES));
    }

    /**
     * The fields of one JSON object, read with one-line errors naming the file and the field. A
     * field left out takes its default; a field given as null is an error, since null is no value
     * of any of these types (and silently taking the default would hide the mistake).
     */
    private record Fields(String source, String prefix, JsonNode node) {

        ConfigException error(String field, String why) {
            return new ConfigException(source + ": field '" + prefix + field + "': " + why);
        }

        void checkKnown(Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    throw error(name, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        /** The value, or null when the field is left out; null given explicitly is an error. */
        private JsonNode value(String field, String type) {
            JsonNode v = node.get(field);
            if (v != null && v.isNull()) {
                throw error(field, "must be " + type + ", got null (leave the field out for the default)");
            }
            return v;
        }

        String text(String field, String dflt) {
            JsonNode v = value(field, "a string");
            if (v == null) return dflt;
            if (!v.isTextual()) throw error(field, "must be a string, got " + v);
            return v.asText();
        }

        long boundedLong(String field, long dflt, long min, long max) {
            JsonNode v = value(field, "an integer");
            if (v == null) return dflt;
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw error(field, "must be an integer in " + min + ".." + max + ", got " + v);
            }
            return v.asLong();
        }

        long positiveLong(String field, long dflt, long max) {
            JsonNode v = value(field, "a positive integer");
            if (v == null) return dflt;
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0 || v.asLong() > max) {
                throw error(field, "must be a positive integer" + (max < Long.MAX_VALUE / 2 ? " up to " + max : "")
                        + ", got " + v);
            }
            return v.asLong();
        }

        int positiveInt(String field, int dflt, int max) {
            return (int) positiveLong(field, dflt, max);
        }

        double number(String field, double dflt) {
            JsonNode v = value(field, "a number");
            if (v == null) return dflt;
            if (!v.isNumber()) throw error(field, "must be a number, got " + v);
            return v.asDouble();
        }

        /** A timeout in seconds (fractions allowed): positive, at most a day. */
        Duration seconds(String field, Duration dflt) {
            JsonNode v = value(field, "a number of seconds");
            if (v == null) return dflt;
            if (!v.isNumber() || !(v.asDouble() > 0) || v.asDouble() > MAX_TIMEOUT_S) {
                throw error(field, "must be a positive number of seconds up to " + (long) MAX_TIMEOUT_S + ", got " + v);
            }
            return Duration.ofMillis(Math.max(1, Math.round(v.asDouble() * 1000)));
        }
    }
}
