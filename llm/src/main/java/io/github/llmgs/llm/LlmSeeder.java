package io.github.llmgs.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.dsl.Limits;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Printer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The search module's entry point: asks an OpenAI-compatible endpoint (or a cache, or a replayed
 * log) for programs for a task and returns the ones that parse.
 *
 * <p>Over-generation (spec/llm.md): to get {@code count} programs it asks for
 * ceil(1.5 x missing) completions per attempt, at most 3 attempts. A server that returns fewer
 * choices than {@code n} (llama.cpp, Ollama) is asked again for the rest. Each completion's Python
 * and DSL programs are read with {@link Answers}; completions without a parsable program are
 * rejected and their reasons logged.
 *
 * <p>Not thread-safe, except {@link #cancel()}, which any thread may call; one seeder per run.
 * Close it to flush the log.
 */
public final class LlmSeeder implements AutoCloseable {

    public static final int MAX_ROUNDS = 3;
    public static final double OVERGENERATION = 1.5;
    /** OpenAI's ceiling on n; larger requests are split. */
    public static final int MAX_N_PER_REQUEST = 128;
    /** Consecutive responses without any choice before giving up. */
    private static final int MAX_EMPTY_RESPONSES = 3;

    private final LlmConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Random pick;
    private final PromptMode mode;
    private final String model;
    private final String endpointDisplay;
    private final ReplaySource replay;
    private final HttpChatClient client;
    private final OkHttpClient http;
    private final ResponseCache cache;
    private final LlmLog log;
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Cancellation cancellation = new Cancellation();
    private final WaitingReporter waiting;
    private int requestCount;
    private Map<String, Object> tag = Map.of();

    /** A seeder with the real environment, clock and sleeper, telling nobody about slow requests. */
    public LlmSeeder(LlmConfig config) {
        this(config, null);
    }

    /**
     * A seeder with the real environment, clock and sleeper that tells {@code notices} (the run's
     * output; null: nobody) when a request has waited more than 5 s, every 5 s, and when an
     * attempt failed and is retried.
     */
    public LlmSeeder(LlmConfig config, Consumer<String> notices) {
        this(config, System::getenv, Sleeper.SYSTEM, Clock.systemUTC(), new Random(),
                notices == null ? WaitingReporter.none() : WaitingReporter.to(notices));
    }

    /**
     * A seeder with injected environment (for the API key), sleeper and clock (for retries), and
     * jitter source. Validates the configuration first (one-line LlmException).
     */
    public LlmSeeder(LlmConfig config, Function<String, String> env, Sleeper sleeper, Clock clock, Random jitter) {
        this(config, env, sleeper, clock, jitter, WaitingReporter.none());
    }

    /** As above, with the reporter of slow requests (tests give one with a fake clock). */
    LlmSeeder(LlmConfig config, Function<String, String> env, Sleeper sleeper, Clock clock, Random jitter,
              WaitingReporter waiting) {
        LlmConfig.validate(config, env);
        this.config = config;
        String apiKey = null;
        Long pickSeed = config.seed();
        PromptMode m = config.promptMode();
        if (config.replaying()) {
            this.replay = new ReplaySource(config.replayFile(), mapper);
            // Read the answers as the recorded run did: its prompt mode and its seed decide the picks.
            pickSeed = replay.seed() != null ? replay.seed() : pickSeed;
            m = replay.promptMode() != null ? replay.promptMode() : m;
            this.model = replay.model() != null ? replay.model() : config.model();
            this.endpointDisplay = replay.endpoint() != null ? replay.endpoint() : "(unknown endpoint)";
            this.client = null;
            this.http = null;
            this.cache = null;
        } else {
            this.replay = null;
            Endpoint ep = Endpoint.parse(config.baseUrl());
            this.model = config.model();
            this.endpointDisplay = ep.display();
            apiKey = env.apply(config.apiKeyEnv());
            this.http = new OkHttpClient.Builder()
                    .connectTimeout(config.connectTimeout())
                    .readTimeout(config.readTimeout())
                    .writeTimeout(config.readTimeout())
                    .callTimeout(config.callTimeout())
                    .build();
            this.client = new HttpChatClient(ep, apiKey, config.apiKeyEnv(), http,
                    RetryPolicy.defaults(config.maxAttempts()), sleeper, clock, jitter, mapper,
                    config.maxResponseBytes(), cancellation, waiting);
            this.cache = config.cacheDir() == null ? null : ResponseCache.open(config.cacheDir());
        }
        this.pick = new Random(pickSeed == null ? 0L : pickSeed);
        this.mode = m;
        List<String> secrets = new ArrayList<>();
        if (apiKey != null && !apiKey.isBlank()) {
            secrets.add(apiKey);
            secrets.add(apiKey.trim());
        }
        this.waiting = waiting;
        this.log = config.logFile() == null ? LlmLog.none() : LlmLog.open(config.logFile(), secrets);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", model);
        s.put("endpoint", endpointDisplay);
        s.put("source", replay != null ? "replay" : cache != null ? "network+cache" : "network");
        s.put("prompt_mode", mode.id());
        s.put("temperature", config.temperature());
        s.put("top_p", config.topP());
        s.put("max_tokens", config.maxTokens());
        s.put("seed", pickSeed);
        s.put("max_attempts", config.maxAttempts());
        s.put("connect_timeout_ms", config.connectTimeout().toMillis());
        s.put("read_timeout_ms", config.readTimeout().toMillis());
        s.put("call_timeout_ms", config.callTimeout().toMillis());
        s.put("max_response_bytes", config.maxResponseBytes());
        s.put("api_key_env", config.apiKeyEnv());
        s.put("api_key_sent", apiKey != null && !apiKey.isBlank());
        if (cache != null) {
            s.put("cache_dir", config.cacheDir().toString());
        }
        if (replay != null) {
            s.put("replay_file", config.replayFile().toString());
            s.put("replay_responses", replay.size());
        }
        log.write("session", s);
    }

    /** The model asked for (a replay reports the recorded one). */
    public String model() {
        return model;
    }

    /** The endpoint without secrets (a replay reports the recorded one). */
    public String endpoint() {
        return endpointDisplay;
    }

    /** The prompt mode answers are read in (a replay's is the recorded one). */
    public PromptMode promptMode() {
        return mode;
    }

    /** One line for result.json and the run's log. */
    public String description() {
        if (replay != null) {
            return "llm replay of " + replay.file() + " (model " + model + ", recorded at " + endpointDisplay + ")";
        }
        return "llm: " + model + " at " + endpointDisplay + " (prompt mode " + mode.id()
                + (cache != null ? ", cache " + cache.dir() : "") + ")";
    }

    /**
     * Checks the endpoint answers and knows the model (GET {base}/models; a server without that
     * route is accepted). Returns a one-line status; throws a one-line LlmException otherwise.
     */
    public String preflight() {
        if (replay != null) {
            return "replaying " + replay.size() + " recorded responses from " + replay.file() + " (no endpoint used)";
        }
        return client.preflight(model);
    }

    /**
     * Refuses a replay recorded for another task (a no-op when not replaying): its programs would
     * silently seed this run with answers to a different problem.
     *
     * @throws LlmException naming the file, the recorded task and this one
     */
    public void checkTask(String taskName) {
        if (replay != null) {
            replay.checkTask(Prompts.canonicalName(taskName));
        }
    }

    /**
     * Asks for {@code count} programs for a task.
     *
     * @throws IllegalArgumentException    for an unknown task (the message lists the tasks)
     * @throws InsufficientSeedsException  when fewer than {@code count} were valid after 3 attempts, or a
     *                                     request failed after some were obtained; {@code partial()}
     *                                     holds what was valid
     * @throws LlmException                for a request that failed before any program was obtained
     */
    public SeedResult seeds(String taskName, int count) {
        return seeds(taskName, count, Prompts.forTask(Prompts.canonicalName(taskName), mode));
    }

    /**
     * As {@link #seeds(String, int)} with the messages given (a revision round's prompt): the same
     * over-generation, reading of answers and logging.
     */
    public SeedResult seeds(String taskName, int count, List<ChatMessage> messages) {
        return seeds(taskName, count, messages, Map.of());
    }

    /**
     * As {@link #seeds(String, int, List)}, with {@code tag}'s fields (e.g. a revision round's
     * number) added to every request record in the log, so a reader can tell the calls apart.
     */
    public SeedResult seeds(String taskName, int count, List<ChatMessage> messages, Map<String, Object> tag) {
        this.tag = Map.copyOf(tag);
        String task = Prompts.canonicalName(taskName);
        cancellation.check();
        checkTask(task);
        Tally t = new Tally(task, count);
        if (count <= 0) {
            return t.result();
        }
        String firstRejection = null;
        while (t.programs.size() < count && t.attempts < MAX_ROUNDS) {
            t.attempts++;
            int missing = count - t.programs.size();
            int want = (int) Math.ceil(OVERGENERATION * missing);
            t.completionsRequested += want;
            List<String> completions;
            try {
                completions = collect(task, messages, want, t);
            } catch (LlmCancelledException e) {
                logError(task, e.getMessage());
                throw e;
            } catch (LlmException e) {
                logError(task, e.getMessage());
                if (t.programs.isEmpty()) {
                    throw e;
                }
                throw new InsufficientSeedsException(e.getMessage() + " (" + t.programs.size() + " of " + count
                        + " programs were valid before that)", t.result(), e);
            }
            for (String text : completions) {
                int index = t.completionsReceived++;
                Answers.Outcome o = Answers.read(text, mode, pick, Prompts.vocabulary(task));
                logParse(task, t.attempts, index, o);
                if (o.ok()) {
                    t.completionsValid++;
                    if (t.programs.size() < count) {
                        t.programs.add(o.program());
                    }
                } else if (firstRejection == null) {
                    firstRejection = o.reason();
                }
            }
        }
        SeedResult result = t.result();
        Map<String, Object> s = summary(result);
        if (result.programs().size() < count) {
            String msg = "only " + result.programs().size() + " of " + count + " LLM programs were valid after "
                    + t.attempts + " attempts (" + result.completionsReceived() + " completions from " + model
                    + " at " + endpointDisplay + ")" + (firstRejection == null ? ""
                    : "; first rejection: " + oneLine(firstRejection, 160))
                    + (log.file() == null ? "" : "; see " + log.file());
            s.put("error", msg);
            log.write("summary", s);
            throw new InsufficientSeedsException(msg, result, null);
        }
        log.write("summary", s);
        return result;
    }

    /** Collects {@code want} completions, asking again when the server returns fewer than n. */
    private List<String> collect(String task, List<ChatMessage> messages, int want, Tally t) {
        List<String> got = new ArrayList<>();
        int empty = 0;
        while (got.size() < want) {
            int n = Math.min(want - got.size(), MAX_N_PER_REQUEST);
            Long seed = config.seed() == null ? null : config.seed() + requestCount;
            waiting.request(model + " at " + endpointDisplay, t.completionsReceived + got.size(), t.completionsRequested);
            ChatRequest req = new ChatRequest(model, messages, n, config.temperature(), config.topP(),
                    config.maxTokens(), seed);
            ChatResponse r = fetch(task, req, t);
            if (r.completions().isEmpty()) {
                if (++empty >= MAX_EMPTY_RESPONSES) {
                    throw new LlmException("LLM endpoint " + endpointDisplay + " returned no completions "
                            + MAX_EMPTY_RESPONSES + " times in a row (model " + model + ")");
                }
                continue;
            }
            empty = 0;
            got.addAll(r.completions().subList(0, Math.min(n, r.completions().size())));
        }
        return got;
    }

    /** One request: from the replay, the cache, or the network; logged either way. */
    private ChatResponse fetch(String task, ChatRequest req, Tally t) {
        cancellation.check();
        String json = req.toJsonString(mapper);
        int id = requestCount++;
        int occurrence = occurrences.merge(json, 1, Integer::sum) - 1;
        String key = ResponseCache.key(endpointDisplay, json, occurrence);
        Map<String, Object> rq = new LinkedHashMap<>();
        rq.put("id", id);
        rq.put("task", task);
        rq.putAll(tag);
        rq.put("model", model);
        rq.put("endpoint", endpointDisplay);
        rq.put("n", req.n());
        rq.put("temperature", req.temperature());
        rq.put("top_p", req.topP());
        rq.put("max_tokens", req.maxTokens());
        rq.put("seed", req.seed());
        rq.put("request_key", key);
        rq.put("messages", req.messages());
        log.write("request", rq);

        long t0 = System.nanoTime();
        ChatResponse r = null;
        if (replay != null) {
            r = replay.next();
        } else if (cache != null) {
            Optional<String> hit = cache.get(key);
            if (hit.isPresent()) {
                try {
                    r = ChatResponse.parse(mapper, hit.get(), "cache", 200, 0);
                } catch (ChatResponse.MalformedResponse e) {
                    r = null; // a damaged entry: ask the network and overwrite it
                }
            }
        }
        if (r == null) {
            r = client.complete(json, model, (attempt, failure, delay) -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", id);
                f.put("failed_attempt", attempt);
                f.put("failure", failure);
                f.put("delay_ms", delay.toMillis());
                log.write("retry", f);
            });
            if (cache != null) {
                cache.put(key, r.rawBody());
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        t.requests++;
        t.sources.add(r.source());
        if (r.promptTokens() > 0) {
            t.promptTokens += r.promptTokens();
        }
        if (r.completionTokens() > 0) {
            t.completionTokens += r.completionTokens();
        }
        if (r.totalTokens() > 0) {
            t.totalTokens += r.totalTokens();
        } else if (r.promptTokens() > 0 || r.completionTokens() > 0) {
            t.totalTokens += Math.max(0, r.promptTokens()) + Math.max(0, r.completionTokens());
        }
        Map<String, Object> rs = new LinkedHashMap<>();
        rs.put("id", id);
        rs.put("source", r.source());
        rs.put("status", r.status());
        rs.put("attempts", r.attempts());
        rs.put("ms", ms);
        rs.put("n", req.n());
        rs.put("received", r.completions().size());
        rs.put("model_reported", r.model());
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", r.promptTokens());
        usage.put("completion_tokens", r.completionTokens());
        usage.put("total_tokens", r.totalTokens());
        rs.put("usage", usage);
        rs.put("finish_reasons", r.finishReasons());
        List<String> logged = new ArrayList<>();
        Map<String, Integer> truncated = new LinkedHashMap<>();
        for (int i = 0; i < r.completions().size(); i++) {
            String c = r.completions().get(i);
            logged.add(Answers.capped(c));
            if (c.length() > Answers.MAX_COMPLETION_CHARS) {
                truncated.put(Integer.toString(i), c.length());
            }
        }
        rs.put("completions", logged);
        if (!truncated.isEmpty()) {
            rs.put("truncated_completions", truncated); // index -> original length in characters
        }
        log.write("response", rs);
        return r;
    }

    private void logParse(String task, int attempt, int index, Answers.Outcome o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("task", task);
        p.put("attempt", attempt);
        p.put("completion", index);
        p.put("ok", o.ok());
        if (o.ok()) {
            p.put("program", Printer.print(o.program()));
            p.put("from", o.chosen());
            p.put("within_limits", Limits.withinLimits(o.program()));
        } else {
            p.put("reason", o.reason());
        }
        List<Map<String, Object>> cands = new ArrayList<>();
        for (Answers.Candidate c : o.candidates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind());
            m.put("ok", c.ok());
            if (c.ok()) {
                m.put("program", Printer.print(c.program()));
            } else {
                m.put("error", c.error());
            }
            m.put("code", c.source());
            cands.add(m);
        }
        p.put("candidates", cands);
        log.write("parse", p);
    }

    private void logError(String task, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("task", task);
        e.put("message", message);
        log.write("error", e);
    }

    private Map<String, Object> summary(SeedResult r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("task", r.task());
        s.put("requested", r.requested());
        s.put("valid_programs", r.programs().size());
        s.put("completions_requested", r.completionsRequested());
        s.put("completions_received", r.completionsReceived());
        s.put("completions_valid", r.completionsValid());
        s.put("requests", r.requests());
        s.put("attempts", r.attempts());
        s.put("prompt_tokens", r.promptTokens());
        s.put("completion_tokens", r.completionTokens());
        s.put("total_tokens", r.totalTokens());
        s.put("model", r.model());
        s.put("endpoint", r.endpoint());
        s.put("source", r.source());
        return s;
    }

    private static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= max ? t : t.substring(0, max) + "...";
    }

    /**
     * Stops a {@link #seeds} call in flight from another thread (Ctrl-C, SIGTERM): cancels the
     * HTTP call, wakes a retry wait and makes every later request throw, so that seeds() throws
     * {@link LlmCancelledException} soon and sends nothing more.
     */
    public void cancel() {
        cancellation.cancel();
    }

    @Override
    public void close() {
        waiting.close();
        log.close();
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Counters of one seeds() call. */
    private final class Tally {
        final String task;
        final int requested;
        final List<Node.Program> programs = new ArrayList<>();
        final Set<String> sources = new LinkedHashSet<>();
        int completionsRequested;
        int completionsReceived;
        int completionsValid;
        int requests;
        int attempts;
        long promptTokens;
        long completionTokens;
        long totalTokens;

        Tally(String task, int requested) {
            this.task = task;
            this.requested = requested;
        }

        SeedResult result() {
            return new SeedResult(task, programs, requested, completionsRequested, completionsReceived,
                    completionsValid, requests, attempts, promptTokens, completionTokens, totalTokens, model,
                    endpointDisplay, sources.isEmpty() ? "none" : String.join("+", sources));
        }
    }
}
