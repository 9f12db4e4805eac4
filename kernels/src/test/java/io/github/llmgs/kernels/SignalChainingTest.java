package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests' JVM runs with the JDK's signal chaining (kernels/pom.xml preloads libjsig on Linux),
 * without which PoCL's LLVM signal handlers crash the JVM now and then at a safepoint.
 */
class SignalChainingTest {
    @Test
    void testJvmChainsSignals() {
        Boolean loaded = SignalChaining.libjsigLoaded();
        Assumptions.assumeTrue(loaded != null, "not Linux: no LD_PRELOAD signal chaining to check");
        Assumptions.assumeTrue(Files.exists(SignalChaining.libjsig()), "this JDK has no " + SignalChaining.libjsig());
        assertEquals(Boolean.TRUE, loaded, "libjsig is not preloaded: the surefire profile jvm-signal-chaining in "
                + "kernels/pom.xml should set LD_PRELOAD; " + SignalChaining.advice());
    }

    /** A JVM without libjsig does not load OpenCL at all: auto falls back to cpu and says why. */
    @Test
    void jvmWithoutSignalChainingDoesNotLoadOpenCl() throws Exception {
        Assumptions.assumeTrue(SignalChaining.libjsigLoaded() != null, "not Linux");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProbeMain.class.getName());
        pb.environment().remove("LD_PRELOAD");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("available=false"), out);
        assertTrue(out.contains("description=OpenCL not loaded: this JVM runs without signal chaining"), out);
        assertTrue(out.contains("LD_PRELOAD=" + SignalChaining.libjsig()), out);
        assertTrue(out.contains("auto=cpu"), out);
        assertTrue(out.contains("note=backend auto: using cpu"), out);
    }

    @Test
    void refusalIsTheProbesReason() {
        var a = new OpenClBackendProvider(() -> {
            throw new SignalChaining.MissingException("OpenCL not loaded: because");
        }).probe(io.github.llmgs.engine.batch.BackendOptions.defaults());
        assertEquals("OpenCL not loaded: because", a.description());
    }

    @Test
    void adviceNamesTheLibrary() {
        assertTrue(SignalChaining.advice().contains("LD_PRELOAD=" + SignalChaining.libjsig()), SignalChaining.advice());
    }
}
