package io.github.llmgs.search.cli;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.Backends;
import io.github.llmgs.engine.minigrid.MiniGridBackends;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.llm.LlmConfig;
import io.github.llmgs.search.BackendChoice;
import io.github.llmgs.search.config.ConfigException;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.SearchConfig;
import io.github.llmgs.search.run.SearchSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import io.github.llmgs.llm.RevisionVariant;
import io.github.llmgs.search.method.LlmRevision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code search} and {@code sweep}; unset ones fall back to the config file. */
final class SearchOptions {
    @Option(names = "--budget", paramLabel = "N", description = "Programs to evaluate at most (default from config: 1000000 on Karel, 10000 on MiniGrid).")
    Long budget;

    @Option(names = "--backend", paramLabel = "NAME", description = "auto, cpu, opencl or reference (default from config: auto).")
    String backend;

    @Option(names = "--batch", paramLabel = "N", description = "Most programs per backend call (default from config: 1024).")
    Integer batch;

    @Mixin
    DeviceOptions where;

    @Option(names = "--config", paramLabel = "FILE", description = "Search config JSON (default: configs/search.json in the jar).")
    Path config;

    @Option(names = "--run-settings", paramLabel = "FILE",
            description = "Run settings JSON of the task's domain (default: configs/karel.json or configs/minigrid.json).")
    Path runSettings;

    @Option(names = "--out", defaultValue = "output", paramLabel = "DIR", description = "Output root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing run directory instead of refusing.")
    boolean overwrite;

    @Option(names = "--concurrency", defaultValue = "32", paramLabel = "N",
            description = "Runs at once (several seeds or a sweep), sharing one engine so that its calls are large "
                    + "(default: ${DEFAULT-VALUE}); the results are the same for any value.")
    int concurrency;

    @Option(names = "--revision", paramLabel = "VARIANT",
            description = "With --method llm-revision: regeneration, regeneration-with-reward, agent-trace or "
                    + "agent-program-trace (sweep: a comma-separated list of them).")
    String revision;

    @Option(names = "--rounds", paramLabel = "R",
            description = "With llm-revision: revision rounds after the first request (default: 5).")
    Integer rounds;

    /** What a --method or --methods entry stands for: llm-revision is one method per --revision variant. */
    List<String> expand(List<String> methods, boolean several) {
        List<String> out = new ArrayList<>();
        boolean revising = false;
        for (String m : methods) {
            if (!m.equals("llm-revision")) {
                revising |= SearchSpec.isRevision(m);
                out.add(m);
                continue;
            }
            revising = true;
            if (revision == null) {
                throw new CliException("--revision: llm-revision needs a variant: " + String.join(", ", RevisionVariant.ids()));
            }
            List<String> names = List.of(revision.split(",", -1));
            if (!several && names.size() != 1) {
                throw new CliException("--revision: search runs one variant, got '" + revision + "' (sweep runs several)");
            }
            for (String n : names) {
                try {
                    out.add(LlmRevision.methodName(RevisionVariant.fromString(n)));
                } catch (IllegalArgumentException e) {
                    throw new CliException("--revision: " + e.getMessage());
                }
            }
        }
        if (revision != null && !methods.contains("llm-revision")) {
            throw new CliException("--revision: only with the method llm-revision");
        }
        if (rounds != null && !revising) throw new CliException("--rounds: only with the method llm-revision");
        if (rounds != null && rounds < 0) throw new CliException("--rounds: must be >= 0, got " + rounds);
        return out;
    }

    void checkConcurrency() {
        if (concurrency < 1) throw new CliException("--concurrency must be >= 1, got " + concurrency);
    }

    SearchConfig searchConfig() {
        try {
            return config == null ? SearchConfig.loadDefault() : SearchConfig.load(config);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The run settings of a task's domain: {@code --run-settings}, which must be that domain's, or the shipped ones. */
    RunSettings settings(DomainTask task) {
        return task.settings("--run-settings", runSettings);
    }

    /** Opens the MiniGrid backend the spec names and says which it is. */
    static MiniGridEpisodes openMiniGridBackend(SearchSpec spec, PrintStream out) {
        MiniGridEpisodes b = MiniGridBackends.open(spec.backend(), spec.backendOptions(), out::println);
        out.println("backend: " + b.name() + " on " + b.device());
        return b;
    }

    /** A MiniGrid task's backend and its options, checked before any work. */
    void checkMiniGridBackend(SearchConfig defaults) {
        MiniGridBackends.check(backend == null ? defaults.backend() : backend, new BackendOptions(where.threads, where.device, 0));
    }

    /**
     * The run's spec: these options over the config's defaults and the run settings; bad values
     * are one-line errors. {@code llm} is the prepared LLM configuration (null: grammar seeds).
     */
    SearchSpec spec(String task, String m, long seed, SearchConfig defaults, RunSettings settings, LlmConfig llm) {
        String backendName = backend == null ? defaults.backend() : backend;
        if (BackendChoice.names().stream().noneMatch(n -> n.equalsIgnoreCase(backendName))) {
            throw new CliException("unknown backend '" + backendName + "'; known backends: " + String.join(", ", BackendChoice.names()));
        }
        if (out.toString().isBlank()) {
            throw new CliException("--out: empty path; give a directory, e.g. --out output");
        }
        try {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("config_file", config == null ? defaults.source() : config.toString());
            extra.put("run_settings_file", settings.source());
            long defaultBudget = settings.domain().equals("minigrid") ? defaults.minigridBudget() : defaults.budget();
            return new SearchSpec(task, m, seed, budget == null ? defaultBudget : budget, settings.maxCalls(),
                    settings.seeds(), SearchSpec.usesLlm(m) ? seeding(llm) : null, backendName,
                    new BackendOptions(where.threads, where.device, 0),
                    batch == null ? defaults.batch() : batch, defaults.hcK(), defaults.shcKStart(),
                    defaults.shcKEnd(), out, overwrite, extra, rounds == null ? LlmRevision.DEFAULT_ROUNDS : rounds);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /**
     * Where llm-gs seeds come from, as recorded in the run's spec: a change here (another model,
     * prompt mode or sampling setting) makes it another run. Timeouts, retries and the cache
     * change how the answers are fetched, not what they are, so they are left out.
     */
    static Map<String, Object> seeding(LlmConfig llm) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (llm == null) {
            s.put("source", "grammar");
        } else if (llm.replaying()) {
            s.put("source", "replay");
            s.put("replay_file", llm.replayFile().toAbsolutePath().normalize().toString());
        } else {
            s.put("source", "llm");
            s.put("endpoint", llm.endpointForDisplay());
            s.put("model", llm.model());
            s.put("prompt_mode", llm.promptMode().id());
            s.put("temperature", llm.temperature());
            s.put("top_p", llm.topP());
            s.put("max_tokens", llm.maxTokens());
            s.put("llm_seed", llm.seed());
        }
        return s;
    }

    /**
     * Opens the spec's backend and says which it is (auto also says why); none for a MiniGrid
     * task, whose runs bring their own oracle.
     */
    static Backend openBackend(SearchSpec spec, DomainTask task, PrintStream out) {
        if (task.isMiniGrid()) return null;
        Backend b;
        try {
            b = Backends.open(spec.backend(), spec.backendOptions(), out::println);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        out.println("backend: " + b.name() + " on " + b.device());
        return b;
    }
}
