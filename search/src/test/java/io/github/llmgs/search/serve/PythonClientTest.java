package io.github.llmgs.search.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.search.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python client's own tests ({@code search/src/test/python}, unittest), run by {@code mvn
 * verify} so that the client and the server cannot drift apart. They start their servers as
 * child JVMs on this test classpath ({@code LLMGS_SERVE_COMMAND}), so no jar or launcher build is
 * needed. Without Python 3.8+ the test skips with the reason, except under CI ({@code CI=true},
 * or {@code LLMGS_REQUIRE_PYTHON=1} as {@code .ci/run} sets), where it fails.
 */
class PythonClientTest {
    private static final long TIMEOUT_SECONDS = 300;
    private static final Pattern VERSION = Pattern.compile("Python (\\d+)\\.(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void thePythonClientsTestsPass() throws Exception {
        requirePython();
        Path root = repositoryRoot();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String serve = new ObjectMapper().writeValueAsString(List.of(java, "-Xss8m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        Path log = tmp.resolve("python-tests.log");
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s",
                root.resolve("search/src/test/python").toString(), "-v")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("PYTHONPATH", root.resolve("search/src/main/python").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("LLMGS_SERVE_COMMAND", serve);
        Process p = pb.start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            // the servers the tests started are the Python process's children: end them too
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        if (!done) fail("the Python client's tests did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
        if (p.exitValue() != 0) fail("the Python client's tests failed (exit " + p.exitValue() + "):\n" + output);
        assertTrue(output.contains("\nOK"), output);
    }

    /** The module directory is surefire's working directory; the repository is above it. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("search/src/test/python"))) return dir;
        }
        throw new IllegalStateException("no search/src/test/python above " + here);
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("LLMGS_REQUIRE_PYTHON"));
    }

    private void requirePython() throws InterruptedException {
        String missing = null;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                missing = "python3 --version did not answer";
            } else {
                Matcher m = VERSION.matcher(v);
                if (!m.find()) {
                    missing = "python3 --version said '" + v + "'";
                } else if (Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) < 308) {
                    missing = "python3 is " + v + "; the client needs 3.8 or later";
                }
            }
        } catch (IOException e) {
            missing = "python3 is not on the PATH";
        }
        String reason = "no Python for the client's tests: " + missing;
        if (missing != null && required()) fail(reason + " (under CI it must run: python3 must be installed, apt-get install python3)");
        Assumptions.assumeTrue(missing == null, reason);
    }
}
