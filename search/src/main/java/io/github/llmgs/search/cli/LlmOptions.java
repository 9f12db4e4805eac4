package io.github.llmgs.search.cli;

import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.method.GrammarSeeds;
import io.github.llmgs.search.method.SeedSource;
import io.github.llmgs.search.run.RunDirectory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where LLM-GS gets its seed programs. Without an endpoint, the grammar (and the run says so). */
final class LlmOptions {
    @Option(names = "--llm-base-url", paramLabel = "URL", description = "OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "M", description = "Model name (default from config).")
    String model;

    @Option(names = "--llm-api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (default: OPENAI_API_KEY).")
    String apiKeyEnv;

    @Option(names = "--llm-prompt-mode", paramLabel = "MODE", description = "python-to-dsl (default), python or dsl.")
    String promptMode;

    @Option(names = "--llm-cache", paramLabel = "DIR", description = "Cache LLM responses in DIR (a hit skips the network).")
    Path cache;

    @Option(names = "--llm-replay", paramLabel = "FILE", description = "Replay the completions of a previous llm.jsonl (no endpoint needed).")
    Path replay;

    SeedSource seedSource(SearchConfig config, String task, long seed, RunDirectory dir, Map<String, Object> fields,
                          PrintStream out) {
        String url = baseUrl != null ? baseUrl : config.llm().baseUrl();
        if (url == null && replay == null) {
            String why = "no LLM endpoint configured; pass --llm-base-url URL --llm-model M (or --llm-replay FILE) to seed from an LLM";
            out.println("llm-gs: " + why + "; seeding from the grammar instead");
            fields.put("endpoint", null);
            fields.put("seeded_from", "grammar");
            return new GrammarSeeds(seed, why);
        }
        throw new CliException("LLM seeding is not available in this build yet; run without --llm-base-url to seed from the grammar");
    }
}
