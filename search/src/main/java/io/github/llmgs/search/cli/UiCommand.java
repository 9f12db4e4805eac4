package io.github.llmgs.search.cli;

import io.github.llmgs.search.ui.ServedDir;
import io.github.llmgs.search.ui.UiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs ui}: the local dashboard over an output directory. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Serve a local, read-only dashboard over an output directory: the runs (live while they run), "
                + "each run's curve, best program, episode and events, and the sweeps' summaries and plots.",
        footer = {"", "Examples:", "  llmgs ui                       # output/ on http://127.0.0.1:8787/",
                "  llmgs ui --out /tmp/runs --port 0"})
final class UiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "The output directory to serve (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8787", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Override
    public Integer call() {
        Listening.checkPort(port);
        if (!Files.isDirectory(out)) {
            throw new CliException("--out " + out + ": " + (Files.exists(out) ? "not a directory" : "no such directory")
                    + "; run a search or sweep into it first, or choose another --out");
        }
        boolean loopback = Listening.loopback("--host", host);
        UiServer server;
        try {
            server = UiServer.start(new ServedDir(out), host, port);
        } catch (IOException e) {
            throw Listening.cannotListen("--host", host, port, e);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (!loopback) {
            w.println("llmgs ui: warning: listening on " + host + ": anyone who can reach this address can read " + out);
        }
        w.println("llmgs ui: serving " + out.toAbsolutePath().normalize() + " at " + server.uri() + " (Ctrl-C to stop)");
        w.flush();
        Listening.untilStopped(server::join, server::close, "llmgs-ui-stop");
        return 0;
    }
}
