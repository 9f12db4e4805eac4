package io.github.llmgs.search.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.search.config.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one search run needs, validated before any work starts.
 *
 * @param maxCalls      the run settings' call limit per episode, handed to every backend call
 * @param instanceSeeds the task instances every program is scored on
 * @param seeding       for llm-gs, where its seed programs come from (grammar, an LLM and its
 *                      sampling settings, or a replayed log); null for the other methods
 * @param batch         the most programs per backend call (speculative neighbours included)
 * @param extra         fields copied into result.json's "config" (e.g. the config file)
 * @param rounds        for llm-revision-*, the revision rounds after round 0 (ignored by the other methods)
 */
public record SearchSpec(String task, String method, long seed, long budget, int maxCalls, long[] instanceSeeds,
                         Map<String, Object> seeding, String backend, BackendOptions backendOptions, int batch,
                         int hcK, int shcKStart, int shcKEnd, Path out, boolean overwrite, Map<String, Object> extra,
                         int rounds) {
    /** The methods; each revision variant is a method of its own, so its runs have their own directory. */
    public static final List<String> METHODS = methods();
    private static List<String> methods() {
        List<String> m = new java.util.ArrayList<>(List.of("hc", "shc", "random", "llm-gs"));
        for (io.github.llmgs.llm.RevisionVariant v : io.github.llmgs.llm.RevisionVariant.values()) {
            m.add(io.github.llmgs.search.method.LlmRevision.methodName(v));
        }
        return List.copyOf(m);
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    public SearchSpec {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; known methods: " + String.join(", ", METHODS));
        }
        if (budget <= 0) throw new IllegalArgumentException("--budget must be > 0, got " + budget);
        if (batch < 1) throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        if (maxCalls < 1) throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        if (instanceSeeds.length == 0) throw new IllegalArgumentException("a run needs at least one instance seed");
        if (hcK < 1) throw new IllegalArgumentException("hc k must be >= 1, got " + hcK);
        if (shcKStart < 1 || shcKEnd < shcKStart) {
            throw new IllegalArgumentException("shc schedule needs 1 <= k_start <= k_end, got " + shcKStart + ", " + shcKEnd);
        }
        if (rounds < 0) throw new IllegalArgumentException("--rounds must be >= 0, got " + rounds);
        instanceSeeds = instanceSeeds.clone();
        seeding = seeding == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeding));
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** The same run written under another output root. */
    public SearchSpec withOut(Path root) {
        return new SearchSpec(task, method, seed, budget, maxCalls, instanceSeeds, seeding, backend, backendOptions, batch,
                hcK, shcKStart, shcKEnd, root, overwrite, extra, rounds);
    }

    @Override
    public long[] instanceSeeds() {
        return instanceSeeds.clone();
    }

    /**
     * The settings that decide this run's results, and only those: the batch size, backend,
     * device and thread count change the speed, never the programs or scores, so a run made on a
     * GPU may be reused by a sweep on a laptop. Recorded in result.json as "spec".
     */
    public Map<String, Object> determinants() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("task", task);
        d.put("method", method);
        d.put("seed", seed);
        d.put("budget", budget);
        d.put("max_calls", maxCalls);
        d.put("instance_seeds", Seeds.format(instanceSeeds));
        switch (method) {
            case "hc" -> d.put("hc_k", hcK);
            case "shc" -> {
                d.put("shc_k_start", shcKStart);
                d.put("shc_k_end", shcKEnd);
            }
            case "llm-gs" -> {
                d.put("shc_k_start", shcKStart);
                d.put("shc_k_end", shcKEnd);
                d.put("seeding", seeding == null ? Map.of("source", "grammar") : seeding);
            }
            default -> {
                if (isRevision(method)) {
                    d.put("revision", revision(method).id());
                    d.put("rounds", rounds);
                    d.put("seeding", seeding == null ? Map.of("source", "grammar") : seeding);
                }
            }
        }
        return d;
    }

    /** Whether a method is one of the LLM revision variants. */
    public static boolean isRevision(String method) {
        return method.startsWith(io.github.llmgs.search.method.LlmRevision.PREFIX);
    }

    /** Whether a method asks an LLM for its programs. */
    public static boolean usesLlm(String method) {
        return method.equals("llm-gs") || isRevision(method);
    }

    /** The revision variant of an llm-revision-* method. */
    public static io.github.llmgs.llm.RevisionVariant revision(String method) {
        return io.github.llmgs.llm.RevisionVariant.fromString(method.substring(io.github.llmgs.search.method.LlmRevision.PREFIX.length()));
    }

    /** SHA-256 of {@link #determinants()} as JSON: equal digests, equal runs. */
    public String digest() {
        return digest(determinants());
    }

    static String digest(Map<String, Object> determinants) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(determinants)
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first setting in which a recorded run's spec differs from this one, as "budget 40000
     * (now 2000)", or null when they are the same run. A run recorded without a spec (an older
     * version) differs in everything.
     */
    public String difference(Map<String, Object> recorded) {
        if (recorded == null) return "settings not recorded (made by an older version)";
        Map<String, Object> now = determinants();
        Set<String> keys = new java.util.LinkedHashSet<>(now.keySet());
        keys.addAll(recorded.keySet());
        for (String k : keys) {
            String was = json(recorded.get(k)), is = json(now.get(k));
            if (!was.equals(is)) return k + " " + was + " (now " + is + ")";
        }
        return null;
    }

    private static String json(Object value) {
        try {
            return value == null ? "unset" : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
