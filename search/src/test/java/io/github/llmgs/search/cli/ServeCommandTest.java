package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code llmgs serve}'s refusals and one start with a token; the API itself is tested in the serve package. */
class ServeCommandTest {
    @AfterEach
    void realEnvironment() {
        ServeCommand.environment = System::getenv;
    }

    @Test
    void anotherAddressNeedsAToken() {
        Cli.run("serve", "--bind", "0.0.0.0", "--port", "0").assertUserError(
                "--bind 0.0.0.0: a non-loopback address needs --token-env NAME (a bearer token in that environment variable)");
    }

    @Test
    void anUnsetTokenVariableIsOneLine() {
        ServeCommand.environment = Map.<String, String>of()::get;
        Cli.run("serve", "--bind", "0.0.0.0", "--port", "0", "--token-env", "LLMGS_NO_SUCH_VAR")
                .assertUserError("--token-env LLMGS_NO_SUCH_VAR: the environment variable is not set or empty");
    }

    @Test
    void badValuesAreOneLine() throws Exception {
        Cli.run("serve", "--port", "70000").assertUserError("--port 70000: a port is 0..65535");
        Cli.run("serve", "--bind", "no-such-host.invalid").assertUserError("--bind no-such-host.invalid: unknown host");
        Cli.run("serve", "--port", "0", "--max-programs", "0").assertUserError("max programs must be >= 1, got 0");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.run("serve", "--port", Integer.toString(taken.getLocalPort()))
                    .assertUserErrorStartsWith("--bind 127.0.0.1 --port " + taken.getLocalPort() + ": cannot listen: ");
        }
    }

    @Test
    void servesWithTheTokenAndNeverPrintsIt() throws Exception {
        ServeCommand.environment = Map.of("LLMGS_TEST_TOKEN", "tok-123456")::get;
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] code = {-1};
        Thread serving = new Thread(() -> code[0] = Main.run(new PrintWriter(out), new PrintWriter(err), "serve", "--port",
                Integer.toString(port), "--token-env", "LLMGS_TEST_TOKEN", "--threads", "2"));
        serving.start();
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
        String url = "http://127.0.0.1:" + port + "/v1/health";
        try {
            int status = -1;
            for (int i = 0; i < 100 && status < 0; i++) {
                try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
                    status = r.code();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertEquals(401, status, err.toString());
            try (Response r = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer tok-123456").build()).execute()) {
                assertEquals(200, r.code());
                assertTrue(r.body().string().contains("\"backend\":\"cpu\""));
            }
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertFalse(serving.isAlive());
        assertEquals(0, code[0], err.toString());
        assertTrue(out.toString().contains("bearer token required"), out.toString());
        assertFalse(out.toString().contains("tok-123456") || err.toString().contains("tok-123456"));
    }

    @Test
    void listedInTheHelp() {
        Cli.Result r = Cli.run("--help");
        assertTrue(r.out().contains(" serve "), r.out());
    }
}
