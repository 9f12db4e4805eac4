package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.engine.batch.BackendException;
import io.github.llmgs.engine.conformance.VectorFormatException;
import io.github.llmgs.llm.LlmException;
import io.github.llmgs.search.config.ConfigException;
import io.github.llmgs.search.run.RunFolderException;
import io.github.llmgs.search.slurm.SlurmException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Every error a user can cause is one line on stderr, {@code llmgs: error: ...}, exit code 2;
 * no stack traces. A bug (any other exception) is one line too, exit code 1, with the stack
 * trace only when the environment variable {@code LLMGS_DEBUG} is set.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliException || ex instanceof ConfigException || ex instanceof VectorFormatException
                || ex instanceof ParseException || ex instanceof BackendException || ex instanceof LlmException
                || ex instanceof RunFolderException || ex instanceof SlurmException) {
            err.println("llmgs: error: " + firstLine(ex.getMessage()));
            err.flush();
            return USER_ERROR;
        }
        err.println("llmgs: internal error: " + ex.getClass().getName()
                + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()))
                + (System.getenv("LLMGS_DEBUG") == null ? " (set LLMGS_DEBUG=1 for the stack trace)" : ""));
        if (System.getenv("LLMGS_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** Bad options (unknown, missing, malformed): one line that says where to find the usage. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("llmgs: error: " + firstLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return USER_ERROR;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) return "(no message)";
        String line = message.strip().lines().findFirst().orElse("");
        return line.startsWith("Error: ") ? line.substring("Error: ".length()) : line;
    }
}
