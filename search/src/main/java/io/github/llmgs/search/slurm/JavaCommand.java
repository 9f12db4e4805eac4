package io.github.llmgs.search.slurm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start this very program again elsewhere: the Java runtime this process runs on, its
 * memory and stack options, and its class path, all as absolute paths. An array task runs the
 * jar (or, in tests, the classes) that submitted it, not the {@code ./llmgs} launcher, which
 * would rebuild with Maven on every node.
 *
 * @param jsig the JDK's libjsig, preloaded as the launcher does (OpenCL drivers built on LLVM
 *             replace the JVM's signal handlers; libjsig keeps them chained), or null
 */
public record JavaCommand(Path java, List<String> jvmOptions, List<Path> classPath, Path jsig) {
    /** The stack size the launcher gives (deep programs recurse in the parser and the tree-walker). */
    static final String DEFAULT_STACK = "-Xss8m";

    public static JavaCommand current() {
        Path home = Path.of(System.getProperty("java.home"));
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(home.resolve("bin").resolve("java")).toAbsolutePath();
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) classPath.add(Path.of(entry).toAbsolutePath().normalize());
        }
        Path jsig = home.resolve("lib").resolve("libjsig.so");
        return new JavaCommand(java, jvmOptions(ProcessHandle.current().info().arguments().orElse(new String[0])),
                classPath, Files.isRegularFile(jsig) ? jsig : null);
    }

    /**
     * The memory and stack options ({@code -X...}, {@code -XX:...}) among a JVM's arguments
     * before its class path or main class, with the launcher's stack size when none is given;
     * agents, debuggers and system properties of this process are not carried over.
     */
    static List<String> jvmOptions(String[] arguments) {
        List<String> options = new ArrayList<>();
        for (String a : arguments) {
            if (!a.startsWith("-") || a.equals("-jar") || a.equals("-cp") || a.equals("-classpath")
                    || a.equals("--class-path") || a.startsWith("--class-path=") || a.equals("-m") || a.equals("--module")) {
                break;
            }
            if (a.startsWith("-Xss") || a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:")) options.add(a);
        }
        if (options.stream().noneMatch(o -> o.startsWith("-Xss"))) options.add(0, DEFAULT_STACK);
        return options;
    }

    /** The command words that run {@code mainClass} with {@code args} on this runtime and class path. */
    public List<String> argv(String mainClass, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        argv.add(mainClass);
        argv.addAll(args);
        return argv;
    }

    public Optional<Path> libjsig() {
        return Optional.ofNullable(jsig);
    }
}
