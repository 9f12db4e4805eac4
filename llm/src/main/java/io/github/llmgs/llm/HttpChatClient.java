package io.github.llmgs.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs chat-completions requests with bounded retries. Retried: HTTP 408, 409, 429, 5xx, I/O
 * errors (refused connections, timeouts, cut-off bodies) and 2xx bodies that are not a valid
 * chat-completions JSON (a truncated body is treated as a transient fault), and 2xx bodies over
 * {@code max_response_bytes}, which are never read whole. Not retried: other 4xx, reported at
 * once. Every response is closed. A timeout names the limit it hit; a cancel (from another
 * thread, through {@link Cancellation}) ends the call in flight or the wait before a retry and
 * throws {@link LlmCancelledException}.
 */
final class HttpChatClient {

    /** Told about each retry before its wait, for the log. */
    interface RetryListener {
        void retrying(int failedAttempt, String failure, Duration delay);
    }

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int EXCERPT = 200;

    private final Endpoint endpoint;
    private final String apiKey;
    private final String apiKeyEnv;
    private final OkHttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random jitter;
    private final ObjectMapper mapper;
    private final long maxResponseBytes;
    private final Cancellation cancellation;
    private final WaitingReporter waiting;

    HttpChatClient(Endpoint endpoint, String apiKey, String apiKeyEnv, OkHttpClient http, RetryPolicy policy,
                   Sleeper sleeper, Clock clock, Random jitter, ObjectMapper mapper, long maxResponseBytes,
                   Cancellation cancellation, WaitingReporter waiting) {
        this.maxResponseBytes = maxResponseBytes;
        this.cancellation = cancellation;
        this.waiting = waiting;
        this.endpoint = endpoint;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        this.apiKeyEnv = apiKeyEnv;
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.jitter = jitter;
        this.mapper = mapper;
    }

    private Request.Builder request(okhttp3.HttpUrl url) {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    /**
     * POSTs the body and returns the parsed response, or throws a one-line LlmException; a
     * {@link LlmCancelledException} once cancelled, without another attempt.
     */
    ChatResponse complete(String jsonBody, String model, RetryListener listener) {
        String failure = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            cancellation.check();
            Duration retryAfter = null;
            Request req = request(endpoint.chatUrl()).post(RequestBody.create(jsonBody, JSON)).build();
            Call call = http.newCall(req);
            cancellation.attach(call);
            waiting.attemptStarted(attempt, policy.maxAttempts());
            try (Response resp = call.execute()) {
                int code = resp.code();
                BoundedBody body = BoundedBody.read(resp.body(), maxResponseBytes);
                if (code >= 200 && code < 300) {
                    if (body.overCap()) {
                        failure = "HTTP " + code + " with a response body over " + maxResponseBytes
                                + " bytes (max_response_bytes)";
                    } else {
                        try {
                            return ChatResponse.parse(mapper, body.text(), "network", code, attempt);
                        } catch (ChatResponse.MalformedResponse e) {
                            failure = "HTTP " + code + " with " + e.getMessage() + ": " + excerpt(body.text());
                        }
                    }
                } else if (retryable(code)) {
                    failure = "HTTP " + code + ": " + excerpt(body.text());
                    retryAfter = retryAfter(resp);
                } else {
                    throw new LlmException(refusal(code, body.text(), model));
                }
            } catch (IOException e) {
                if (cancellation.cancelled()) {
                    throw new LlmCancelledException();
                }
                failure = describe(e);
            } finally {
                cancellation.detach();
                waiting.attemptEnded();
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            Duration delay = retryAfter != null ? retryAfter : policy.backoff(attempt, jitter);
            if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
                throw new LlmException(scrub("LLM request to " + endpoint.chatDisplay() + " failed: " + failure
                        + "; the server asked to retry after " + retryAfter.toSeconds() + " s, more than the "
                        + policy.maxRetryAfter().toSeconds() + " s this client waits"));
            }
            if (listener != null) {
                listener.retrying(attempt, scrub(failure), delay);
            }
            waiting.retrying(attempt, policy.maxAttempts(), scrub(failure), delay);
            cancellation.sleep(delay, sleeper);
        }
        throw new LlmException(scrub("LLM request to " + endpoint.chatDisplay() + " failed after "
                + policy.maxAttempts() + " attempt" + (policy.maxAttempts() == 1 ? "" : "s") + ": " + failure));
    }

    static boolean retryable(int code) {
        return code == 408 || code == 409 || code == 429 || (code >= 500 && code <= 599);
    }

    /** Retry-After as delta-seconds or an HTTP date; else retry-after-ms; null when absent or unreadable. */
    Duration retryAfter(Response resp) {
        String h = resp.header("Retry-After");
        if (h != null) {
            String v = h.trim();
            if (v.matches("[0-9]+(\\.[0-9]+)?")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
            }
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), when.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                // fall through to retry-after-ms, then to backoff
            }
        }
        String ms = resp.header("retry-after-ms");
        if (ms != null && ms.trim().matches("[0-9]+(\\.[0-9]+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(ms.trim())));
        }
        return null;
    }

    private String refusal(int code, String body, String model) {
        String chat = endpoint.chatDisplay();
        String ex = excerpt(body);
        String msg;
        if (code == 401 || code == 403) {
            String keyHint = apiKey == null
                    ? "no API key was sent: set the environment variable " + apiKeyEnv
                    : "check the API key in $" + apiKeyEnv;
            msg = "LLM endpoint " + chat + " refused the request with HTTP " + code
                    + (code == 401 ? " Unauthorized" : " Forbidden") + " (" + keyHint + "): " + ex;
        } else if (code == 404 && body.toLowerCase(Locale.ROOT).contains("model")) {
            msg = "model '" + model + "' not found at " + endpoint.display() + " (HTTP 404): " + ex;
        } else if (code == 404) {
            msg = "HTTP 404 Not Found at " + chat + " (is the base URL right? it is the part before "
                    + "/chat/completions, e.g. https://api.openai.com/v1 or http://localhost:11434/v1): " + ex;
        } else {
            msg = "LLM endpoint " + chat + " rejected the request with HTTP " + code + ": " + ex;
        }
        return scrub(msg);
    }

    /** The exception in one line; a timeout also names which limit it hit, so the user knows what to raise. */
    private String describe(IOException e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.replaceAll("\\s+", " "));
        String lower = m == null ? "" : m.toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException && lower.contains("connect")) {
            return text + " (connect timeout " + seconds(http.connectTimeoutMillis()) + " s, connect_timeout_s)";
        }
        if (e instanceof SocketTimeoutException) {
            return text + " (read timeout " + seconds(http.readTimeoutMillis()) + " s, read_timeout_s)";
        }
        if (e instanceof InterruptedIOException && lower.equals("timeout")) {
            return text + " (call timeout " + seconds(http.callTimeoutMillis()) + " s, call_timeout_s)";
        }
        return text;
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? Integer.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    /** A one-line excerpt of a body: the JSON error message when there is one, else the text. */
    String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String text = body;
        try {
            JsonNode root = mapper.readTree(body);
            JsonNode err = root == null ? null : root.get("error");
            if (err != null && err.isObject() && err.path("message").isTextual()) {
                text = err.path("message").asText();
            } else if (err != null && err.isTextual()) {
                text = err.asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // keep the raw text
        }
        text = scrub(text.replaceAll("\\s+", " ").trim());
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }

    /** Removes the API key from anything that is shown or logged. */
    String scrub(String s) {
        if (s == null || apiKey == null) {
            return s;
        }
        return s.replace(apiKey, "[REDACTED]");
    }

    /**
     * Checks that the endpoint answers and knows the model: GET {base}/models. A server without
     * that route (404) or that fails it is accepted unchecked; unreachable, 401 and 403 are
     * errors; a listing that lacks the model is an error naming what it serves (llama.cpp's
     * server, which serves whatever it loaded under any name, is not checked).
     */
    String preflight(String model) {
        String base = endpoint.display();
        Request req = request(endpoint.modelsUrl()).get().build();
        Call call = http.newCall(req);
        cancellation.attach(call);
        try (Response resp = call.execute()) {
            int code = resp.code();
            String body = BoundedBody.read(resp.body(), maxResponseBytes).text();
            if (code == 401 || code == 403) {
                throw new LlmException(refusal(code, body, model).replace(endpoint.chatDisplay(),
                        endpoint.modelsDisplay()));
            }
            if (code == 404) {
                return "LLM endpoint " + base + " reachable (it has no /models listing; model '" + model
                        + "' not checked)";
            }
            if (code < 200 || code >= 300) {
                return "LLM endpoint " + base + " reachable (GET /models gave HTTP " + code + "; model '" + model
                        + "' not checked)";
            }
            List<String> ids = new ArrayList<>();
            boolean anyName = false;
            try {
                JsonNode root = mapper.readTree(body);
                JsonNode data = root == null ? null : root.get("data");
                if (data == null || !data.isArray()) {
                    data = root == null ? null : root.get("models");
                }
                if (data != null && data.isArray()) {
                    for (JsonNode m : data) {
                        String id = m.isTextual() ? m.asText() : m.path("id").asText(m.path("name").asText(""));
                        if (!id.isEmpty()) {
                            ids.add(id);
                        }
                        if ("llamacpp".equalsIgnoreCase(m.path("owned_by").asText(""))) {
                            anyName = true;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return "LLM endpoint " + base + " reachable (unreadable /models listing; model '" + model
                        + "' not checked)";
            }
            if (ids.isEmpty() || anyName || ids.stream().anyMatch(id -> sameModel(id, model))) {
                return "LLM endpoint " + base + " reachable; model '" + model + "' "
                        + (ids.isEmpty() || anyName ? "not checked (the server does not list models by name)"
                        : "available");
            }
            String listed = String.join(", ", ids.subList(0, Math.min(10, ids.size())))
                    + (ids.size() > 10 ? ", ... (" + ids.size() + " in all)" : "");
            throw new LlmException(scrub("model '" + model + "' not found at " + base + "; it serves: " + listed));
        } catch (IOException e) {
            if (cancellation.cancelled()) {
                throw new LlmCancelledException();
            }
            throw new LlmException(scrub("cannot reach LLM endpoint " + base + ": " + describe(e)));
        } finally {
            cancellation.detach();
        }
    }

    /** Equal names, Ollama's implicit ':latest', or a path-like id ending in the model name. */
    static boolean sameModel(String id, String model) {
        return id.equals(model) || id.equals(model + ":latest") || model.equals(id + ":latest")
                || id.endsWith("/" + model);
    }
}
