package io.github.llmgs.search.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code llmgs}: the command-line entry point (the fat jar's Main-Class). */
@Command(name = "llmgs",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Batched engine for LLM-guided search of Karel and MiniGrid program policies (LLM-GS).",
        subcommands = {SearchCommand.class, SweepCommand.class, EvalCommand.class, ConformanceCommand.class,
                TasksCommand.class, ShowCommand.class, TraceCommand.class, ProfileCommand.class, ProfileSweepCommand.class,
                PlotCommand.class, UiCommand.class, ServeCommand.class, KernelResourcesCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failed checks or an internal error, 2 bad input."})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage on stderr, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ErrorHandler.USER_ERROR;
    }

    /** The configured command line (error handling included); tests set its out and err. */
    public static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Runs one command line, writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"llmgs " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
