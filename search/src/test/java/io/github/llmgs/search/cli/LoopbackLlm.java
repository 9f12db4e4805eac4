package io.github.llmgs.search.cli;

import java.io.IOException;
import java.net.InetAddress;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** An OpenAI-compatible server on loopback that lists one model and answers every chat request alike. */
final class LoopbackLlm {
    private LoopbackLlm() {}

    /** Started; {@code GET /models} lists {@code model}, every POST gets a copy of {@code chat}. */
    static MockWebServer answering(String model, MockResponse chat) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return "GET".equals(request.getMethod())
                        ? new MockResponse().setBody("{\"data\":[{\"id\":\"" + model + "\"}]}")
                        : chat.clone();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }
}
