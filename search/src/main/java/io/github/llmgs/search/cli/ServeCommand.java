package io.github.llmgs.search.cli;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.search.picture.Canvas;
import io.github.llmgs.search.serve.ApiServer;
import io.github.llmgs.search.serve.ServeLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs serve}: the evaluation API (JSON over HTTP) for clients in other languages. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the engine as a JSON API: POST /v1/evaluate scores programs on a task (the scores of",
                "'llmgs eval'), POST /v1/trace runs one episode step by step (with gif: drawn, as 'llmgs trace'),",
                "GET /v1/tasks lists the tasks, GET /v1/health names the backend. Concurrent requests share",
                "engine calls. Loopback only unless --bind with --token-env."},
        footer = {"", "Examples:", "  llmgs serve                                   # http://127.0.0.1:8788/",
                "  LLMGS_TOKEN=s3cret llmgs serve --bind 0.0.0.0 --token-env LLMGS_TOKEN --backend auto"})
final class ServeCommand implements Callable<Integer> {
    /** Reads an environment variable; tests replace it. */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8788", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; any other needs --token-env).")
    String bind;

    @Option(names = "--token-env", paramLabel = "NAME",
            description = "Environment variable holding the bearer token every request must carry (Authorization: Bearer TOKEN).")
    String tokenEnv;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "cpu",
            description = "Backend for both domains: auto, cpu, opencl or reference (default: ${DEFAULT-VALUE}).")
    String backendName;

    @Mixin
    DeviceOptions where;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "1048576", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--max-programs", paramLabel = "N", defaultValue = "4096", description = "Most programs per request (default: ${DEFAULT-VALUE}).")
    int maxPrograms;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "512", description = "Most LEAPS tokens per program (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--max-seeds", paramLabel = "N", defaultValue = "1024", description = "Most instance seeds per request (default: ${DEFAULT-VALUE}).")
    int maxSeeds;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "16",
            description = "Evaluations at once; one more is answered 429 (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--request-seconds", paramLabel = "S", defaultValue = "120",
            description = "Longest a request may take before it is answered 503 (default: ${DEFAULT-VALUE}).")
    double requestSeconds;

    @Override
    public Integer call() {
        Listening.checkPort(port);
        ServeLimits limits;
        try {
            limits = new ServeLimits(maxBody, maxPrograms, maxTokens, maxSeeds, maxInFlight, requestSeconds);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        boolean loopback = Listening.loopback("--bind", bind);
        String token = null;
        if (tokenEnv != null) {
            token = environment.apply(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new CliException("--token-env " + tokenEnv + ": the environment variable is not set or empty");
            }
            token = token.strip();
        }
        if (!loopback && token == null) {
            throw new CliException("--bind " + bind + ": a non-loopback address needs --token-env NAME (a bearer token in that environment variable)");
        }
        Canvas.headless(); // /v1/trace draws GIFs; before anything touches AWT
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try (Backend karel = Inputs.backend(backendName, where.threads, where.device, note -> { err.println(note); err.flush(); });
             MiniGridEpisodes miniGrid = Inputs.miniGridBackend(backendName, where.threads, where.device,
                     note -> { err.println(note); err.flush(); })) {
            ApiServer server;
            try {
                server = ApiServer.start(karel, miniGrid, limits, version(), bind, port, token);
            } catch (IOException e) {
                throw Listening.cannotListen("--bind", bind, port, e);
            }
            out.println("llmgs serve: backend " + karel.name() + " (" + karel.device() + "), minigrid " + miniGrid.name()
                    + " (" + miniGrid.device() + ")");
            out.println("llmgs serve: listening at " + server.uri() + "v1/ " + (token != null ? "(bearer token required)" : "(loopback only)")
                    + " (Ctrl-C to stop)");
            out.flush();
            Listening.untilStopped(server::join, server::close, "llmgs-serve-stop");
        }
        return 0;
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
