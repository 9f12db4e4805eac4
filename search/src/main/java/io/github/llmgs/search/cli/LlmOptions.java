package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.llm.InsufficientSeedsException;
import io.github.llmgs.llm.LlmCancelledException;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.llm.LlmException;
import io.github.llmgs.llm.LlmSeeder;
import io.github.llmgs.llm.PromptMode;
import io.github.llmgs.llm.SeedResult;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.llm.Prompts;
import io.github.llmgs.llm.RevisionPrompts;
import io.github.llmgs.search.method.GrammarSeeds;
import io.github.llmgs.search.method.Reviser;
import io.github.llmgs.search.method.SeedSource;
import io.github.llmgs.search.run.RunDirectory;
import io.github.llmgs.search.run.SearchSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where LLM-GS gets its seed programs: an OpenAI-compatible endpoint, a replayed llm.jsonl, or,
 * with neither configured, the grammar (and the run says so in its output and result.json).
 */
final class LlmOptions {
    @Option(names = "--llm-base-url", paramLabel = "URL", description = "OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "M", description = "Model name (default from config: gpt-4-turbo-2024-04-09).")
    String model;

    @Option(names = "--llm-api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (default: OPENAI_API_KEY).")
    String apiKeyEnv;

    @Option(names = "--llm-prompt-mode", paramLabel = "MODE", description = "python-to-dsl (default), python or dsl.")
    String promptMode;

    @Option(names = "--llm-cache", paramLabel = "DIR", description = "Cache LLM responses in DIR (a hit skips the network).")
    Path cache;

    @Option(names = "--llm-replay", paramLabel = "FILE", description = "Replay the completions of a previous llm.jsonl (no endpoint needed).")
    Path replay;

    @Option(names = "--llm-connect-timeout", paramLabel = "S", description = "Seconds to connect to the endpoint (default from config: 10).")
    String connectTimeout;

    @Option(names = "--llm-read-timeout", paramLabel = "S", description = "Seconds of silence from the endpoint before an attempt fails (default from config: 300).")
    String readTimeout;

    @Option(names = "--llm-call-timeout", paramLabel = "S", description = "Seconds one whole attempt may take (default from config: 600).")
    String callTimeout;

    @Option(names = "--llm-max-attempts", paramLabel = "N", description = "HTTP attempts per request, retries included (default from config: 5).")
    String maxAttempts;

    @Option(names = "--llm-max-response-bytes", paramLabel = "N", description = "Most bytes read of one response body; a longer one is a failed attempt (default from config: 4194304).")
    String maxResponseBytes;

    /** {@link #prepare(SearchConfig, PrintStream, String)} without a task to check a replay against. */
    LlmConfig prepare(SearchConfig config, PrintStream out) {
        return prepare(config, out, (String) null);
    }

    /**
     * The LLM configuration, checked before any work: every flag (even with no endpoint, so a
     * typo is not silently ignored), the key, the URL, the endpoint and model, the cache directory
     * (created and written), the replay file (read whole, and recorded for {@code task} when one
     * is given). Null when no endpoint or replay is configured.
     */
    /** {@link #prepare(SearchConfig, PrintStream, String)} for a task of any domain. */
    LlmConfig prepare(SearchConfig config, PrintStream out, DomainTask task) {
        return prepare(config, out, task.name());
    }

    LlmConfig prepare(SearchConfig config, PrintStream out, String task) {
        SearchConfig.Llm c = config.llm();
        PromptMode mode;
        try {
            mode = PromptMode.fromString(promptMode != null ? promptMode : c.promptMode());
        } catch (IllegalArgumentException e) {
            throw new CliException("--llm-prompt-mode: " + e.getMessage());
        }
        Duration connect = seconds("--llm-connect-timeout", connectTimeout, c.connectTimeout());
        Duration read = seconds("--llm-read-timeout", readTimeout, c.readTimeout());
        Duration call = seconds("--llm-call-timeout", callTimeout, c.callTimeout());
        int attempts = (int) whole("--llm-max-attempts", maxAttempts, c.maxAttempts(), 1, SearchConfig.MAX_ATTEMPTS);
        long bytes = whole("--llm-max-response-bytes", maxResponseBytes, c.maxResponseBytes(),
                SearchConfig.MIN_RESPONSE_BYTES, SearchConfig.MAX_RESPONSE_BYTES);
        String url = baseUrl != null ? baseUrl : c.baseUrl();
        if (url == null && replay == null) {
            return null;
        }
        LlmConfig llm = LlmConfig.defaults().withBaseUrl(url).withModel(model != null ? model : c.model())
                .withApiKeyEnv(apiKeyEnv != null ? apiKeyEnv : c.apiKeyEnv())
                .withSampling(c.temperature(), c.topP(), c.maxTokens())
                .withPromptMode(mode).withTimeouts(connect, read, call).withMaxAttempts(attempts)
                .withMaxResponseBytes(bytes).withCacheDir(cache).withReplayFile(replay);
        try {
            LlmConfig.validate(llm);
            // A replay is read and checked here too, so a broken file fails before the run starts.
            try (LlmSeeder probe = new LlmSeeder(llm)) {
                if (task != null) {
                    probe.checkTask(task);
                }
                out.println("llm: " + probe.preflight());
            }
        } catch (LlmException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        return llm;
    }

    /** A timeout flag: a positive number of seconds (fractions allowed) up to a day, else the config's value. */
    private static Duration seconds(String flag, String text, Duration dflt) {
        if (text == null) {
            return dflt;
        }
        double s;
        try {
            s = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0) || s > SearchConfig.MAX_TIMEOUT_S) {
            throw new CliException(flag + ": expected a positive number of seconds up to "
                    + (long) SearchConfig.MAX_TIMEOUT_S + ", got '" + text + "'");
        }
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }

    /** A whole-number flag in min..max, else the config's value. */
    private static long whole(String flag, String text, long dflt, long min, long max) {
        if (text == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CliException(flag + ": expected a whole number in " + min + ".." + max + ", got '" + text + "'");
    }

    /** The seed source for a run; an LLM writes every request and answer to the run's llm.jsonl. */
    static SeedSource seedSource(LlmConfig llm, String task, long seed, RunDirectory dir, Map<String, Object> fields,
                                 PrintStream out) {
        return seedSource(llm, DomainTask.of(task), seed, dir, fields, out);
    }

    /** The seed source for a run of {@code task}; without an LLM, its domain's grammar. */
    static SeedSource seedSource(LlmConfig llm, DomainTask task, long seed, RunDirectory dir, Map<String, Object> fields,
                                 PrintStream out) {
        if (llm == null) {
            String why = "no LLM endpoint configured; pass --llm-base-url URL --llm-model M (or --llm-replay FILE) to seed from an LLM";
            out.println("llm-gs: " + why + "; seeding from the " + task.domain() + " grammar instead");
            fields.put("endpoint", null);
            fields.put("seeded_from", "grammar");
            return new GrammarSeeds(seed, why, new io.github.llmgs.dsl.Grammar(task.vocabulary()));
        }
        LlmConfig logged = llm.withLogFile(dir.dir().resolve("llm.jsonl")).withSeed(llm.seed() != null ? llm.seed() : seed);
        return new LlmSeedSource(logged, task.name(), fields, out);
    }

    /**
     * Seeds from an LLM (or its replay). {@link #cancel()} may come from a shutdown hook at any
     * time: before the seeder exists, while it waits on the network, or between its requests;
     * the flag is volatile and checked again once the seeder is published, so no case is missed.
     */
    static final class LlmSeedSource implements SeedSource {
        private final LlmConfig config;
        private final String task;
        private final Map<String, Object> fields;
        private final PrintStream out;
        private volatile boolean cancelled;
        private volatile LlmSeeder current;
        private String description;

        LlmSeedSource(LlmConfig config, String task, Map<String, Object> fields, PrintStream out) {
            this.config = config;
            this.task = task;
            this.fields = fields;
            this.out = out;
            this.description = config.replaying() ? "llm replay of " + config.replayFile() : "llm: " + config.model();
        }

        @Override
        public List<Node.Program> seeds(int count) {
            if (cancelled) {
                throw new LlmCancelledException();
            }
            SeedResult r;
            try (LlmSeeder seeder = new LlmSeeder(config, out::println)) {
                current = seeder;
                if (cancelled) {
                    seeder.cancel(); // the cancel came while the seeder was being made
                }
                description = seeder.description();
                try {
                    r = seeder.seeds(task, count);
                } catch (InsufficientSeedsException e) {
                    out.println("llm-gs: " + e.getMessage() + "; continuing with the valid ones");
                    r = e.partial();
                }
            } finally {
                current = null;
            }
            fields.put("seeded_from", r.source());
            fields.put("model", r.model());
            fields.put("endpoint", r.endpoint());
            fields.put("programs_requested", r.requested());
            fields.put("programs_valid", r.programs().size());
            fields.put("completions_requested", r.completionsRequested());
            fields.put("completions_received", r.completionsReceived());
            fields.put("completions_valid", r.completionsValid());
            fields.put("requests", r.requests());
            fields.put("prompt_tokens", r.promptTokens());
            fields.put("completion_tokens", r.completionTokens());
            fields.put("total_tokens", r.totalTokens());
            out.printf("llm-gs: %d valid seed programs from %s (%d completions, %d tokens)%n", r.programs().size(),
                    description, r.completionsReceived(), r.totalTokens());
            return r.programs();
        }

        @Override
        public void cancel() {
            cancelled = true;
            LlmSeeder s = current;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public String description() {
            return description;
        }
    }

    /**
     * What a run of {@code method} gets its programs from, given its directory: the LLM's seeds
     * for llm-gs, the LLM's rounds for llm-revision-*, nothing for the other methods.
     */
    static java.util.function.Function<RunDirectory, SeedSource> programsFor(String method, LlmConfig llm, DomainTask task,
            long seed, Map<String, Object> fields, PrintStream out) {
        if (SearchSpec.isRevision(method)) return dir -> reviser(llm, task, seed, dir, fields, out);
        if (method.equals("llm-gs")) return dir -> seedSource(llm, task, seed, dir, fields, out);
        return null;
    }

    /** A revision run revises an LLM's own programs: without an endpoint or a replay there is nothing to revise. */
    static void requireLlm(List<String> methods, LlmConfig llm) {
        if (llm == null && methods.stream().anyMatch(SearchSpec::isRevision)) {
            throw new CliException("--method llm-revision needs an LLM: pass --llm-base-url URL --llm-model M "
                    + "(or --llm-replay FILE of a revision run's llm.jsonl)");
        }
    }

    /** The programs of a revision run: one seeder (one llm.jsonl, one replay position) for all its rounds. */
    static Reviser reviser(LlmConfig llm, DomainTask task, long seed, RunDirectory dir, Map<String, Object> fields,
                           PrintStream out) {
        LlmConfig logged = llm.withLogFile(dir.dir().resolve("llm.jsonl")).withSeed(llm.seed() != null ? llm.seed() : seed);
        return new LlmReviser(logged, task.name(), fields, out);
    }

    /**
     * Asks the LLM round after round and keeps, in {@code fields}, the totals over all rounds and
     * each round's counts. Its seeder is made at the first request and closed with the run.
     */
    static final class LlmReviser implements Reviser {
        private final LlmConfig config;
        private final String task;
        private final Map<String, Object> fields;
        private final PrintStream out;
        private final List<Map<String, Object>> perRound = new ArrayList<>();
        private final Set<String> sources = new LinkedHashSet<>();
        private volatile boolean cancelled;
        private volatile LlmSeeder seeder;
        private String description;
        private long requests, received, valid, promptTokens, completionTokens, totalTokens;

        LlmReviser(LlmConfig config, String task, Map<String, Object> fields, PrintStream out) {
            this.config = config;
            this.task = task;
            this.fields = fields;
            this.out = out;
            this.description = config.replaying() ? "llm replay of " + config.replayFile() : "llm: " + config.model();
        }

        @Override
        public List<Node.Program> seeds(int count) {
            return ask(0, count, null);
        }

        @Override
        public List<Node.Program> revise(int round, RevisionPrompts.Context context, int count) {
            return ask(round, count, context);
        }

        private List<Node.Program> ask(int round, int count, RevisionPrompts.Context context) {
            if (cancelled) throw new LlmCancelledException();
            LlmSeeder s = seeder;
            if (s == null) {
                s = new LlmSeeder(config, out::println);
                seeder = s;
                if (cancelled) s.cancel(); // the cancel came while the seeder was being made
                description = s.description();
            }
            SeedResult r;
            try {
                Map<String, Object> tag = new LinkedHashMap<>();
                tag.put("round", round);
                if (context != null) tag.put("revision", context.variant().id());
                r = context == null ? s.seeds(task, count, Prompts.forTask(task, s.promptMode()), tag)
                        : s.seeds(task, count, RevisionPrompts.forRevision(task, s.promptMode(), context), tag);
            } catch (InsufficientSeedsException e) {
                out.println("llm-revision: round " + round + ": " + e.getMessage() + "; continuing with the valid ones");
                r = e.partial();
            }
            record(round, r);
            out.printf("llm-revision: round %d: %d valid programs (%d completions, %d tokens)%n", round,
                    r.programs().size(), r.completionsReceived(), r.totalTokens());
            return r.programs();
        }

        private void record(int round, SeedResult r) {
            requests += r.requests();
            received += r.completionsReceived();
            valid += r.completionsValid();
            promptTokens += r.promptTokens();
            completionTokens += r.completionTokens();
            totalTokens += r.totalTokens();
            sources.add(r.source());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("round", round);
            f.put("requests", r.requests());
            f.put("completions_requested", r.completionsRequested());
            f.put("completions_received", r.completionsReceived());
            f.put("completions_valid", r.completionsValid());
            f.put("programs_valid", r.programs().size());
            f.put("total_tokens", r.totalTokens());
            perRound.add(f);
            fields.put("seeded_from", String.join("+", sources));
            fields.put("model", r.model());
            fields.put("endpoint", r.endpoint());
            fields.put("requests", requests);
            fields.put("completions_received", received);
            fields.put("completions_valid", valid);
            fields.put("prompt_tokens", promptTokens);
            fields.put("completion_tokens", completionTokens);
            fields.put("total_tokens", totalTokens);
            fields.put("rounds", List.copyOf(perRound));
        }

        @Override
        public void cancel() {
            cancelled = true;
            LlmSeeder s = seeder;
            if (s != null) s.cancel();
        }

        @Override
        public void close() {
            LlmSeeder s = seeder;
            if (s != null) s.close();
        }

        @Override
        public String description() {
            return description;
        }
    }
}
