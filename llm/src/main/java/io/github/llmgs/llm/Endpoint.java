package io.github.llmgs.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * An OpenAI-compatible base URL ({@code https://api.openai.com/v1}, {@code http://localhost:11434/v1},
 * ...). A URL given with {@code /chat/completions} at its end is accepted and trimmed. What is
 * shown in logs and messages ({@link #display}) drops user info, query and fragment, where
 * secrets could hide.
 */
final class Endpoint {

    private final HttpUrl base;

    private Endpoint(HttpUrl base) {
        this.base = base;
    }

    /** Parses a base URL; a one-line LlmException when it is not an http(s) URL. */
    static Endpoint parse(String baseUrl) {
        String s = baseUrl == null ? "" : baseUrl.trim();
        HttpUrl url = HttpUrl.parse(s);
        if (url == null) {
            String hint = s.contains("://") ? "" : " (missing http:// or https://?)";
            throw new LlmException("malformed LLM base URL '" + hideUserInfo(s)
                    + "': expected http(s)://host[:port]/path, e.g. http://localhost:11434/v1" + hint);
        }
        List<String> segments = new ArrayList<>(url.encodedPathSegments());
        segments.removeIf(String::isEmpty);
        int n = segments.size();
        if (n >= 2 && segments.get(n - 2).equals("chat") && segments.get(n - 1).equals("completions")) {
            segments = segments.subList(0, n - 2);
        }
        HttpUrl.Builder b = url.newBuilder().encodedPath("/");
        for (String seg : segments) {
            b.addEncodedPathSegment(seg);
        }
        return new Endpoint(b.build());
    }

    private static String hideUserInfo(String s) {
        return s.replaceAll("//[^/@\\s]*@", "//***@").replaceAll("\\?.*$", "");
    }

    HttpUrl chatUrl() {
        return base.newBuilder().addPathSegment("chat").addPathSegment("completions").build();
    }

    HttpUrl modelsUrl() {
        return base.newBuilder().addPathSegment("models").build();
    }

    /** The base URL without user info, query or fragment, and without a trailing slash. */
    String display() {
        return strip(base);
    }

    String chatDisplay() {
        return strip(chatUrl());
    }

    String modelsDisplay() {
        return strip(modelsUrl());
    }

    private static String strip(HttpUrl url) {
        String s = url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    String host() {
        return base.host().toLowerCase(Locale.ROOT);
    }

    /** Hosted services that always need a key: api.openai.com and openrouter.ai. */
    boolean requiresKey() {
        String h = host();
        return h.equals("api.openai.com") || h.equals("openrouter.ai") || h.endsWith(".openrouter.ai");
    }
}
