package io.github.llmgs.kernels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * OpenCL drivers built on LLVM (PoCL among them) install LLVM's one-shot signal handlers over the
 * JVM's, SIGSEGV included. HotSpot takes SIGSEGV on every safepoint poll, so when two Java threads
 * hit a poll at once after that, one of them dies with the default action: the JVM exits with a
 * bare "Segmentation fault" and no hs_err file. The cure is the JDK's signal chaining: start the
 * JVM with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}; the JVM then keeps its handlers and
 * forwards the signals it does not own to the driver's. This class detects whether that was done.
 */
final class SignalChaining {
    /** Set to true to load OpenCL in a JVM without signal chaining anyway (a warning is logged). */
    static final String ALLOW_PROPERTY = "llmgs.opencl.allowWithoutSignalChaining";

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** Refusal to load an OpenCL driver into a JVM it could crash. */
    static final class MissingException extends IllegalStateException {
        MissingException(String message) {
            super(message);
        }
    }

    private SignalChaining() {}

    /** The library to preload for this JVM. */
    static Path libjsig() {
        return Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
    }

    /** True if libjsig is mapped into this process, false if not, null where that cannot be told (not Linux). */
    static Boolean libjsigLoaded() {
        Path maps = Path.of("/proc/self/maps");
        if (!System.getProperty("os.name", "").startsWith("Linux") || !Files.isReadable(maps)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(l -> l.endsWith("/libjsig.so"));
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The advice, in one line. */
    static String advice() {
        return "OpenCL drivers built on LLVM (such as PoCL) replace the JVM's signal handlers, which can crash the JVM "
                + "at a safepoint with a bare 'Segmentation fault'; start the JVM with LD_PRELOAD=" + libjsig()
                + " (JVM signal chaining)";
    }

    /**
     * Before the OpenCL runtime is loaded: on Linux without libjsig, refuses (a {@link MissingException}
     * whose message says what to do) unless {@link #ALLOW_PROPERTY} is true, in which case it logs
     * the advice once and lets the caller go on.
     */
    static void check() {
        if (!Boolean.FALSE.equals(libjsigLoaded())) {
            return;
        }
        if (!Boolean.getBoolean(ALLOW_PROPERTY)) {
            throw new MissingException("OpenCL not loaded: this JVM runs without signal chaining, and " + advice()
                    + ", or pass -D" + ALLOW_PROPERTY + "=true to load it anyway");
        }
        if (WARNED.compareAndSet(false, true)) {
            System.getLogger(SignalChaining.class.getName()).log(System.Logger.Level.WARNING, advice());
        }
    }
}
