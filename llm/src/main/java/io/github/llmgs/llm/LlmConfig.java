package io.github.llmgs.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the LLM seeder needs. Null components take their defaults (see {@link #defaults()}),
 * except the optional ones: {@code baseUrl} (none: the caller seeds from the grammar), {@code
 * maxTokens} and {@code seed} (not sent when null), {@code cacheDir}, {@code replayFile},
 * {@code logFile}.
 *
 * @param baseUrl        OpenAI-compatible base URL, the part before {@code /chat/completions}
 * @param model          model name as the server knows it
 * @param apiKeyEnv      name of the environment variable holding the API key (the key itself is
 *                       never stored here); unset or empty means no Authorization header
 * @param temperature    sampling temperature (paper: 1.0)
 * @param topP           nucleus sampling (paper: 1.0)
 * @param maxTokens      max_tokens per completion, or null to let the server decide
 * @param seed           the first request's seed (the i-th request of a seeder sends seed + i, so
 *                       that servers ignoring n do not repeat themselves); also seeds the random
 *                       choice between a completion's Python and DSL programs; null: no seed sent
 *                       and the choice uses 0
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    socket read/write timeout (a non-streamed answer arrives at once, so this
 *                       bounds the generation time too)
 * @param callTimeout    whole-call timeout per attempt
 * @param maxAttempts    HTTP attempts per request, retries included (default 5)
 * @param maxResponseBytes the most bytes of one response body read from the network (default
 *                       4 MiB); a longer body is a failed attempt, never read whole
 * @param promptMode     python-to-dsl (default), python or dsl
 * @param cacheDir       response cache directory, or null
 * @param replayFile     a previous run's llm.jsonl to replay without any endpoint, or null; the
 *                       recorded prompt mode and seed are used, the endpoint settings ignored
 * @param logFile        where to write llm.jsonl, or null
 */
public record LlmConfig(
        String baseUrl,
        String model,
        String apiKeyEnv,
        double temperature,
        double topP,
        Integer maxTokens,
        Long seed,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxAttempts,
        long maxResponseBytes,
        PromptMode promptMode,
        Path cacheDir,
        Path replayFile,
        Path logFile) {

    /** The paper's model (spec/search.md section 4). */
    public static final String DEFAULT_MODEL = "gpt-4-turbo-2024-04-09";
    public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";
    public static final int DEFAULT_MAX_TOKENS = 2048;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(300);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(600);
    /** 4 MiB: far above any honest answer of 128 completions of 2048 tokens, far below a runaway body. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

    public LlmConfig {
        if (model == null || model.isBlank()) {
            model = DEFAULT_MODEL;
        }
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            apiKeyEnv = DEFAULT_API_KEY_ENV;
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        promptMode = promptMode == null ? PromptMode.PYTHON_TO_DSL : promptMode;
    }

    /**
     * No endpoint, the paper's model and sampling (temperature 1.0, top_p 1.0), max_tokens 2048,
     * no seed, timeouts 10 s connect / 300 s read / 600 s call, 5 attempts, response bodies up to
     * 4 MiB, python-to-dsl, no
     * cache, replay or log.
     */
    public static LlmConfig defaults() {
        return new LlmConfig(null, DEFAULT_MODEL, DEFAULT_API_KEY_ENV, 1.0, 1.0, DEFAULT_MAX_TOKENS, null,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_CALL_TIMEOUT,
                RetryPolicy.DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RESPONSE_BYTES, PromptMode.PYTHON_TO_DSL, null, null, null);
    }

    public LlmConfig withBaseUrl(String v) {
        return new LlmConfig(v, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withModel(String v) {
        return new LlmConfig(baseUrl, v, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withApiKeyEnv(String v) {
        return new LlmConfig(baseUrl, model, v, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withSampling(double temperature, double topP, Integer maxTokens) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withSeed(Long v) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, v, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withTimeouts(Duration connect, Duration read, Duration call) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connect, read, call,
                maxAttempts, maxResponseBytes, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withMaxAttempts(int v) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, v, maxResponseBytes, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withMaxResponseBytes(long v) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, v, promptMode, cacheDir, replayFile, logFile);
    }

    public LlmConfig withPromptMode(PromptMode v) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, v, cacheDir, replayFile, logFile);
    }

    public LlmConfig withCacheDir(Path v) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, v, replayFile, logFile);
    }

    public LlmConfig withReplayFile(Path v) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, cacheDir, v, logFile);
    }

    public LlmConfig withLogFile(Path v) {
        return new LlmConfig(baseUrl, model, apiKeyEnv, temperature, topP, maxTokens, seed, connectTimeout,
                readTimeout, callTimeout, maxAttempts, maxResponseBytes, promptMode, cacheDir, replayFile, v);
    }

    /** True when seeds come from a replayed log rather than an endpoint. */
    public boolean replaying() {
        return replayFile != null;
    }

    /** True when there is something to seed from: an endpoint or a replay file. */
    public boolean configured() {
        return replayFile != null || (baseUrl != null && !baseUrl.isBlank());
    }

    /** The base URL as shown in logs and messages (no user info, query or fragment), or null. */
    public String endpointForDisplay() {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            return Endpoint.parse(baseUrl).display();
        } catch (LlmException e) {
            return "(malformed URL)";
        }
    }

    /** {@link #validate(LlmConfig, Function)} against the process environment. */
    public static void validate(LlmConfig config) {
        validate(config, System::getenv);
    }

    /** Throws a one-line LlmException for the first problem found; returns quietly otherwise. */
    public static void validate(LlmConfig config, Function<String, String> env) {
        Optional<String> p = problem(config, env);
        if (p.isPresent()) {
            throw new LlmException(p.get());
        }
    }

    /**
     * The first problem with a configuration, as one line: no endpoint, a malformed URL, a missing
     * model, out-of-range sampling settings, a missing key for a hosted service that needs one
     * (api.openai.com, openrouter.ai), a replay file that is not there.
     */
    public static Optional<String> problem(LlmConfig c, Function<String, String> env) {
        if (c.replayFile() != null) {
            if (!Files.isRegularFile(c.replayFile())) {
                return Optional.of("replay file " + c.replayFile() + " not found");
            }
            if (!Files.isReadable(c.replayFile())) {
                return Optional.of("replay file " + c.replayFile() + " is not readable");
            }
            return Optional.empty();
        }
        if (c.baseUrl() == null || c.baseUrl().isBlank()) {
            return Optional.of("no LLM endpoint configured: give --llm-base-url URL (or --llm-replay FILE)");
        }
        Endpoint ep;
        try {
            ep = Endpoint.parse(c.baseUrl());
        } catch (LlmException e) {
            return Optional.of(e.getMessage());
        }
        if (!(c.temperature() >= 0 && c.temperature() <= 2)) {
            return Optional.of("LLM temperature " + c.temperature() + " is out of 0..2");
        }
        if (!(c.topP() > 0 && c.topP() <= 1)) {
            return Optional.of("LLM top_p " + c.topP() + " is out of (0, 1]");
        }
        if (c.maxTokens() != null && c.maxTokens() < 1) {
            return Optional.of("LLM max_tokens " + c.maxTokens() + " must be at least 1");
        }
        if (c.maxAttempts() < 1) {
            return Optional.of("LLM max attempts " + c.maxAttempts() + " must be at least 1");
        }
        if (c.connectTimeout().isNegative() || c.readTimeout().isNegative() || c.callTimeout().isNegative()) {
            return Optional.of("LLM timeouts must not be negative");
        }
        if (c.maxResponseBytes() < 1) {
            return Optional.of("LLM max response bytes " + c.maxResponseBytes() + " must be at least 1");
        }
        if (!c.apiKeyEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            // Not echoed: it may be the key itself, pasted by mistake.
            return Optional.of("the API key variable given is not an environment variable name "
                    + "(--llm-api-key-env takes the variable's name, e.g. OPENAI_API_KEY, not the key)");
        }
        if (ep.requiresKey()) {
            String key = env.apply(c.apiKeyEnv());
            if (key == null || key.isBlank()) {
                return Optional.of("no API key for " + ep.display() + ": set the environment variable "
                        + c.apiKeyEnv() + " (or name another one with --llm-api-key-env)");
            }
        }
        return Optional.empty();
    }
}
