package io.github.llmgs.search.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the commands that serve HTTP ({@code ui}, {@code serve}) share: the port and address
 * checks, the one-line error when the address cannot be bound, and serving until stopped.
 */
final class Listening {
    /** Waits until the server has stopped. */
    @FunctionalInterface
    interface Join {
        void join() throws InterruptedException;
    }

    private Listening() {}

    static void checkPort(int port) {
        if (port < 0 || port > 65535) throw new CliException("--port " + port + ": a port is 0..65535");
    }

    /** Whether {@code host} (given as {@code option}) is a loopback address; an unknown host is a one-line error. */
    static boolean loopback(String option, String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new CliException(option + " " + host + ": unknown host");
        }
    }

    static CliException cannotListen(String option, String host, int port, IOException e) {
        String why = e instanceof BindException || e.getCause() instanceof BindException ? "address already in use or not local"
                : e.getMessage();
        return new CliException(option + " " + host + " --port " + port + ": cannot listen: " + why
                + (port != 0 ? "; choose another --port, or --port 0 for any free one" : ""));
    }

    /** Serves until Ctrl-C (a shutdown hook closes the server) or, in-process, until the thread is interrupted. */
    static void untilStopped(Join join, Runnable close, String threadName) {
        Thread hook = new Thread(close, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            join.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped by whoever started it in-process (the tests)
        } finally {
            close.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }
}
