package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.llm.InsufficientSeedsException;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.llm.LlmException;
import io.github.llmgs.llm.LlmSeeder;
import io.github.llmgs.llm.PromptMode;
import io.github.llmgs.llm.SeedResult;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.method.GrammarSeeds;
import io.github.llmgs.search.method.SeedSource;
import io.github.llmgs.search.run.RunDirectory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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

    /** The LLM configuration, checked (key present, URL well formed, endpoint and model known) before any work. */
    LlmConfig prepare(SearchConfig config, PrintStream out) {
        SearchConfig.Llm c = config.llm();
        String url = baseUrl != null ? baseUrl : c.baseUrl();
        if (url == null && replay == null) {
            return null;
        }
        LlmConfig llm;
        try {
            llm = LlmConfig.defaults().withBaseUrl(url).withModel(model != null ? model : c.model())
                    .withApiKeyEnv(apiKeyEnv != null ? apiKeyEnv : c.apiKeyEnv())
                    .withSampling(c.temperature(), c.topP(), c.maxTokens())
                    .withPromptMode(PromptMode.fromString(promptMode != null ? promptMode : c.promptMode()))
                    .withCacheDir(cache).withReplayFile(replay);
            LlmConfig.validate(llm);
            if (!llm.replaying()) {
                try (LlmSeeder probe = new LlmSeeder(llm)) {
                    out.println("llm: " + probe.preflight());
                }
            }
        } catch (LlmException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        return llm;
    }

    /** The seed source for a run; an LLM writes every request and answer to the run's llm.jsonl. */
    static SeedSource seedSource(LlmConfig llm, String task, long seed, RunDirectory dir, Map<String, Object> fields,
                                 PrintStream out) {
        if (llm == null) {
            String why = "no LLM endpoint configured; pass --llm-base-url URL --llm-model M (or --llm-replay FILE) to seed from an LLM";
            out.println("llm-gs: " + why + "; seeding from the grammar instead");
            fields.put("endpoint", null);
            fields.put("seeded_from", "grammar");
            return new GrammarSeeds(seed, why);
        }
        LlmConfig logged = llm.withLogFile(dir.dir().resolve("llm.jsonl")).withSeed(llm.seed() != null ? llm.seed() : seed);
        return new SeedSource() {
            private String description = logged.replaying() ? "llm replay of " + logged.replayFile() : "llm: " + logged.model();

            @Override
            public List<Node.Program> seeds(int count) {
                SeedResult r;
                try (LlmSeeder seeder = new LlmSeeder(logged)) {
                    description = seeder.description();
                    try {
                        r = seeder.seeds(task, count);
                    } catch (InsufficientSeedsException e) {
                        out.println("llm-gs: " + e.getMessage() + "; continuing with the valid ones");
                        r = e.partial();
                    }
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
            public String description() {
                return description;
            }
        };
    }
}
