package io.github.llmgs.search.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.Backends;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridBackends;
import io.github.llmgs.engine.minigrid.MiniGridEpisodes;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.search.config.RunSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The evaluation API on loopback: every route, scores equal to the CPU backend's, each refusal, a bounded fuzz. */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final List<String> DOORKEY = List.of("DEF run m( move m)",
            "DEF run m( WHILE c( frontIsClear c) w( move pickMarker w) turnLeft m)",
            "DEF run m( WHILE c( frontIsClear c) w( move w) turnLeft IF c( markersPresent c) i( pickMarker i) m)",
            "DEF run m( REPEAT R=3 r( move turnRight r) putMarker m)");
    private static final List<String> LAVAGAP = List.of("DEF run m( forward m)",
            "DEF run m( WHILE c( front_is_clear c) w( forward w) m)", "DEF run m( left left left left left m)",
            "DEF run m( REPEAT R=3 r( forward r) m)");

    static Backend karel;
    static MiniGridEpisodes miniGrid;
    static ApiServer server;
    static ApiServer guarded;
    static OkHttpClient http;

    @BeforeAll
    static void start() throws IOException {
        karel = Backends.open("cpu", new BackendOptions(2, null, 0), n -> {});
        miniGrid = MiniGridBackends.open("cpu", new BackendOptions(2, null, 0), n -> {});
        ServeLimits small = new ServeLimits(64 * 1024, 64, 60, 64, 4, 30);
        server = ApiServer.start(karel, miniGrid, small, "test", "127.0.0.1", 0, null);
        guarded = ApiServer.start(karel, miniGrid, small, "test", "127.0.0.1", 0, "s3cret-token");
        http = new OkHttpClient.Builder().callTimeout(60, TimeUnit.SECONDS).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (guarded != null) guarded.close();
        if (karel != null) karel.close();
        if (miniGrid != null) miniGrid.close();
    }

    record Answer(int status, JsonNode body, Response raw) {}

    private static Answer call(ApiServer s, Request.Builder b) throws IOException {
        try (Response r = http.newCall(b.build()).execute()) {
            String text = r.body().string();
            assertTrue(r.header("Content-Type").startsWith("application/json"), text);
            return new Answer(r.code(), JSON.readTree(text), r);
        }
    }

    private static Request.Builder at(ApiServer s, String path) {
        return new Request.Builder().url("http://127.0.0.1:" + s.port() + path);
    }

    private static Answer post(String body) throws IOException {
        return call(server, at(server, "/v1/evaluate").post(RequestBody.create(body, JSON_TYPE)));
    }

    private static String evaluate(String task, List<String> programs, String seeds, boolean perEpisode) throws IOException {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("task", task);
        m.put("programs", programs);
        if (seeds != null) m.put("seeds", seeds);
        m.put("per_episode", perEpisode);
        return JSON.writeValueAsString(m);
    }

    @Test
    void healthNamesTheBackend() throws IOException {
        Answer a = call(server, at(server, "/v1/health"));
        assertEquals(200, a.status());
        assertEquals("ok", a.body().get("status").asText());
        assertEquals(karel.name(), a.body().get("backend").asText());
        assertEquals(karel.device(), a.body().get("device").asText());
        assertEquals("test", a.body().get("version").asText());
        assertEquals(64, a.body().get("limits").get("max_programs").asInt());
    }

    @Test
    void tasksListsBothDomains() throws IOException {
        Answer a = call(server, at(server, "/v1/tasks"));
        assertEquals(200, a.status());
        List<String> names = new ArrayList<>();
        for (JsonNode t : a.body().get("tasks")) names.add(t.get("name").asText());
        assertTrue(names.contains("DoorKey"), names.toString());
        assertTrue(names.contains("LavaGap"), names.toString());
        assertEquals(Tasks.all().size() + MiniGridTasks.ALL.size(), names.size());
    }

    @Test
    void doorKeyScoresEqualTheCpuBackend() throws IOException {
        RunSettings settings = RunSettings.loadDefault("karel");
        Task task = Tasks.byName("DoorKey");
        long[] seeds = settings.seeds();
        List<TaskInstance> instances = new ArrayList<>();
        for (long s : seeds) instances.add(task.generate((int) s));
        List<Node.Program> programs = DOORKEY.stream().map(p -> Parser.parse(p, Domains.KAREL)).toList();
        BatchResult want = karel.evaluate(new BatchRequest(task, instances, programs, true, settings.maxCalls()));

        Answer a = post(evaluate("DoorKey", DOORKEY, null, false));
        assertEquals(200, a.status(), a.body().toString());
        assertEquals("DoorKey", a.body().get("task").asText());
        assertEquals("cpu", a.body().get("backend").asText());
        JsonNode results = a.body().get("results");
        assertEquals(DOORKEY.size(), results.size());
        for (int p = 0; p < DOORKEY.size(); p++) {
            assertEquals(want.mean(p), results.get(p).get("score").asDouble(), 0.0, DOORKEY.get(p));
            assertFalse(results.get(p).has("episodes"));
        }

        Answer detail = post(evaluate("doorkey", DOORKEY, "0-7", true));
        assertEquals(200, detail.status(), detail.body().toString());
        BatchResult few = karel.evaluate(new BatchRequest(task, instances.subList(0, 8), programs, true, settings.maxCalls()));
        for (int p = 0; p < DOORKEY.size(); p++) {
            JsonNode r = detail.body().get("results").get(p);
            assertEquals(few.mean(p), r.get("score").asDouble(), 0.0);
            assertEquals(8, r.get("episodes").size());
            for (int i = 0; i < 8; i++) {
                JsonNode e = r.get("episodes").get(i);
                assertEquals(i, e.get("seed").asLong());
                assertEquals(few.episode(p, i).ret(), e.get("return").asDouble(), 0.0);
                assertEquals(few.episode(p, i).steps(), e.get("steps").asInt());
                assertEquals(few.episode(p, i).calls(), e.get("calls").asInt());
                assertEquals(few.episode(p, i).crashed(), e.get("crashed").asBoolean());
            }
        }
    }

    @Test
    void lavaGapScoresEqualTheCpuBackend() throws IOException {
        RunSettings settings = RunSettings.loadDefault("minigrid");
        List<Node.Program> programs = LAVAGAP.stream().map(p -> Parser.parse(p, Domains.MINIGRID)).toList();
        long[] seeds = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] want = miniGrid.means(MiniGridTasks.byName("LavaGap"), programs, seeds, settings.maxCalls());
        EpisodeResult[][] eps = miniGrid.evaluate(MiniGridTasks.byName("LavaGap"), programs, seeds, settings.maxCalls());
        Answer a = post(evaluate("LavaGap", LAVAGAP, "0-9", true));
        assertEquals(200, a.status(), a.body().toString());
        assertEquals("minigrid", a.body().get("domain").asText());
        for (int p = 0; p < LAVAGAP.size(); p++) {
            JsonNode r = a.body().get("results").get(p);
            assertEquals(want[p], r.get("score").asDouble(), 0.0, LAVAGAP.get(p));
            for (int i = 0; i < seeds.length; i++) {
                assertEquals(eps[p][i].ret(), r.get("episodes").get(i).get("return").asDouble(), 0.0);
                assertEquals(eps[p][i].terminated(), r.get("episodes").get(i).get("terminated").asBoolean());
            }
        }
        Answer means = post(evaluate("LavaGap", LAVAGAP, "0-9", false));
        for (int p = 0; p < LAVAGAP.size(); p++) {
            assertEquals(want[p], means.body().get("results").get(p).get("score").asDouble(), 0.0);
        }
    }

    @Test
    void aParseErrorStaysInItsSlot() throws IOException {
        List<String> programs = List.of("DEF run m( move m)", "DEF run m( mvoe m)", "DEF run m( turnLeft m)", "DEF run m( forward m)");
        Answer a = post(evaluate("DoorKey", programs, "0-3", false));
        assertEquals(200, a.status(), a.body().toString());
        JsonNode r = a.body().get("results");
        assertTrue(r.get(0).has("score"));
        assertTrue(r.get(1).get("error").asText().matches("\\d+:\\d+: .*"), r.get(1).toString());
        assertFalse(r.get(1).has("score"));
        assertTrue(r.get(2).has("score"));
        assertTrue(r.get(3).has("error"), "a MiniGrid word in a Karel program");
        Answer alone = post(evaluate("DoorKey", List.of("DEF run m( turnLeft m)"), "0-3", false));
        assertEquals(alone.body().get("results").get(0).get("score").asDouble(), r.get(2).get("score").asDouble(), 0.0);
    }

    @Test
    void concurrentRequestsShareTheEngineAndKeepTheirScores() throws Exception {
        Answer solo = post(evaluate("DoorKey", DOORKEY, "0-15", false));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) futures.add(pool.submit(() -> post(evaluate("DoorKey", DOORKEY, "0-15", false))));
            for (Future<Answer> f : futures) {
                Answer a = f.get(60, TimeUnit.SECONDS);
                if (a.status() == 429) continue; // four at once is the limit; a fifth would be refused
                assertEquals(200, a.status(), a.body().toString());
                assertEquals(solo.body().get("results"), a.body().get("results"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusals() throws IOException {
        assertRefused(404, call(server, at(server, "/v2/nothing")));
        Answer wrongMethod = call(server, at(server, "/v1/evaluate"));
        assertRefused(405, wrongMethod);
        assertRefused(405, call(server, at(server, "/v1/tasks").post(RequestBody.create("{}", JSON_TYPE))));
        assertRefused(415, call(server, at(server, "/v1/evaluate").post(RequestBody.create("{}", MediaType.get("text/plain")))));
        assertRefused(400, post("{\"task\": "));
        assertRefused(400, post(""));
        assertRefused(400, post("{\"task\": \"DoorKey\", \"programs\": [\"DEF run m( move m)\"]} {}"));
        assertRefused(400, post("{\"task\": \"DoorKey\", \"task\": \"Maze\", \"programs\": [\"DEF run m( move m)\"]}"));
        assertRefused(422, post("[1, 2]"));
        assertField(422, "task", post("{\"programs\": [\"DEF run m( move m)\"]}"));
        assertField(422, "task", post(evaluate("NoSuchTask", List.of("DEF run m( move m)"), null, false)));
        assertField(422, "programs", post("{\"task\": \"DoorKey\", \"programs\": \"DEF run m( move m)\"}"));
        assertField(422, "programs", post("{\"task\": \"DoorKey\", \"programs\": []}"));
        assertField(422, "programs[1]", post("{\"task\": \"DoorKey\", \"programs\": [\"DEF run m( move m)\", 7]}"));
        assertField(422, "seeds", post(evaluate("DoorKey", List.of("DEF run m( move m)"), "3-1", false)));
        assertField(422, "seeds[0]", post("{\"task\": \"DoorKey\", \"programs\": [\"DEF run m( move m)\"], \"seeds\": [-1]}"));
        assertField(422, "per_episode", post("{\"task\": \"DoorKey\", \"programs\": [\"DEF run m( move m)\"], \"per_episode\": \"yes\"}"));
        assertField(422, "colour", post("{\"task\": \"DoorKey\", \"programs\": [\"DEF run m( move m)\"], \"colour\": 1}"));
        assertField(413, "seeds", post(evaluate("DoorKey", List.of("DEF run m( move m)"), "0-64", false)));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) many.add("DEF run m( move m)");
        assertField(413, "programs", post(evaluate("DoorKey", many, null, false)));
        assertField(422, "programs[0]", post(evaluate("DoorKey", List.of("DEF run m( " + "move ".repeat(80) + "m)"), null, false)));
        assertRefused(413, post("{\"task\": \"" + "x".repeat(70 * 1024) + "\"}"));
        assertRefused(400, post("[".repeat(200) + "]".repeat(200)));
        // a loopback server answers only loopback names
        assertRefused(403, call(server, at(server, "/v1/health").header("Host", "evil.example:80")));
        // the guarded one only requests with its token
        assertRefused(401, call(guarded, at(guarded, "/v1/health")));
        assertRefused(401, call(guarded, at(guarded, "/v1/health").header("Authorization", "Bearer wrong")));
        assertRefused(401, call(guarded, at(guarded, "/v1/health").header("Authorization", "Basic s3cret-token")));
        assertEquals(200, call(guarded, at(guarded, "/v1/health").header("Authorization", "Bearer s3cret-token")).status());
    }

    @Test
    void tooManyAtOnceIs429() throws Exception {
        ServeLimits one = new ServeLimits(1 << 20, 4096, 60, 1024, 1, 30);
        try (ApiServer s = ApiServer.start(karel, miniGrid, one, "test", "127.0.0.1", 0, null)) {
            List<String> programs = new ArrayList<>();
            for (int i = 0; i < 2000; i++) programs.add(DOORKEY.get(i % DOORKEY.size()));
            String big = evaluate("DoorKey", programs, "0-511", false);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Answer>> futures = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    futures.add(pool.submit(() -> call(s, at(s, "/v1/evaluate").post(RequestBody.create(big, JSON_TYPE)))));
                }
                int refused = 0;
                for (Future<Answer> f : futures) {
                    Answer a = f.get(120, TimeUnit.SECONDS);
                    if (a.status() == 429) {
                        refused++;
                        assertEquals("1", a.raw().header("Retry-After"));
                        assertNotNull(a.body().get("error"));
                    } else {
                        assertEquals(200, a.status(), a.body().toString());
                    }
                }
                assertTrue(refused > 0, "six large requests at once on a server that runs one");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void tooSlowIs503() throws Exception {
        ServeLimits hasty = new ServeLimits(1 << 20, 4096, 60, 1024, 4, 0.001);
        try (ApiServer s = ApiServer.start(karel, miniGrid, hasty, "test", "127.0.0.1", 0, null)) {
            List<String> programs = new ArrayList<>();
            for (int i = 0; i < 2000; i++) programs.add(DOORKEY.get(i % DOORKEY.size()));
            Answer a = call(s, at(s, "/v1/evaluate").post(RequestBody.create(evaluate("DoorKey", programs, "0-511", false), JSON_TYPE)));
            assertRefused(503, a);
            assertEquals(200, call(s, at(s, "/v1/health")).status());
        }
    }

    @Test
    @Timeout(120)
    void fuzzedBodiesGetA4xxAndTheServerKeepsAnswering() throws IOException {
        Random random = new Random(14);
        String good = evaluate("DoorKey", List.of("DEF run m( move m)", "DEF run m( turnLeft m)"), "0-3", false);
        List<String> shapes = List.of("{\"task\": 1, \"programs\": []}", "{\"task\": \"DoorKey\", \"programs\": [[[]]]}",
                "{\"task\": \"DoorKey\", \"programs\": [null]}", "{\"task\": [\"DoorKey\"], \"programs\": [\"x\"]}",
                "{\"task\": \"DoorKey\", \"programs\": [\"x\"], \"seeds\": {}}", "{\"task\": \"DoorKey\", \"programs\": [\"x\"], \"seeds\": 1.5}",
                "{\"task\": \"DoorKey\", \"programs\": [\"x\"], \"seeds\": [1e30]}", "null", "true", "\"a string\"", "{\"task\"}",
                "{\"task\": \"DoorKey\", \"programs\": [\"x\"], \"seeds\": \"0-99999999\"}", "\u0000\u0001", "{,}");
        for (int i = 0; i < 300; i++) {
            String body;
            switch (i % 5) {
                case 0 -> body = good.substring(0, random.nextInt(good.length() - 1)); // truncated
                case 1 -> body = shapes.get(random.nextInt(shapes.size()));
                case 2 -> {
                    int depth = 20 + random.nextInt(2000);
                    body = "{\"task\": \"DoorKey\", \"programs\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
                }
                case 3 -> {
                    int n = 65 + random.nextInt(5000);
                    body = "{\"task\": \"DoorKey\", \"programs\": [" + "1,".repeat(n) + "1]}";
                }
                default -> {
                    char[] c = good.toCharArray();
                    for (int k = 0; k < 4; k++) c[random.nextInt(c.length)] = (char) (32 + random.nextInt(95));
                    body = new String(c);
                }
            }
            // every third body goes to the trace route, which reads bodies the same way
            boolean toTrace = i % 3 == 2;
            Answer a = toTrace ? trace(body) : post(body);
            if (a.status() == 200) {
                // a mutation that still reads as a request: each slot a score or an error
                if (toTrace) {
                    assertTrue(a.body().has("log"), a.body().toString());
                    continue;
                }
                for (JsonNode r : a.body().get("results")) assertTrue(r.has("score") || r.has("error"), r.toString());
                continue;
            }
            assertTrue(a.status() >= 400 && a.status() < 500, a.status() + " for " + clip(body) + ": " + a.body());
            assertTrue(a.body().get("error").isTextual(), clip(body));
        }
        assertEquals(200, post(good).status());
        assertEquals(200, trace("{\"task\": \"DoorKey\", \"program\": \"DEF run m( move m)\"}").status());
        assertEquals(200, call(server, at(server, "/v1/health")).status());
    }

    private static String clip(String s) {
        return s.length() < 200 ? s : s.substring(0, 200) + "...";
    }

    private static void assertRefused(int status, Answer a) {
        assertEquals(status, a.status(), a.body().toString());
        assertTrue(a.body().get("error").isTextual(), a.body().toString());
    }

    private static void assertField(int status, String field, Answer a) {
        assertRefused(status, a);
        assertEquals(field, a.body().path("field").asText(), a.body().toString());
    }

    private static Answer trace(String body) throws IOException {
        return call(server, at(server, "/v1/trace").post(RequestBody.create(body, JSON_TYPE)));
    }

    @Test
    void aTraceIsTheEpisodeTheEngineScores() throws IOException {
        String program = DOORKEY.get(2);
        JsonNode episode = post(evaluate("DoorKey", List.of(program), "5", true)).body().get("results").get(0).get("episodes").get(0);
        Answer a = trace("{\"task\": \"DoorKey\", \"program\": " + JSON.writeValueAsString(program) + ", \"seed\": 5}");
        assertEquals(200, a.status(), a.body().toString());
        JsonNode t = a.body();
        assertEquals("DoorKey", t.get("task").asText());
        assertEquals(5, t.get("seed").asLong());
        assertEquals(episode.get("return").asDouble(), t.get("return").asDouble(), 1e-9);
        assertEquals(episode.get("steps").asInt(), t.get("steps").asInt());
        assertEquals(episode.get("calls").asInt(), t.get("calls").asInt());
        assertEquals(episode.get("crashed").asBoolean(), t.get("crashed").asBoolean());
        JsonNode log = t.get("log");
        assertEquals(t.get("steps").asInt(), log.size() + t.get("log_omitted").asInt());
        assertTrue(log.size() > 0, t.toString());
        assertEquals(1, log.get(0).get("step").asInt());
        double sum = 0;
        for (JsonNode e : log) sum += e.get("reward").asDouble();
        if (t.get("log_omitted").asInt() == 0) {
            assertEquals(t.get("return").asDouble(), log.get(log.size() - 1).get("return").asDouble(), 1e-9);
            assertEquals(t.get("return").asDouble(), sum, 1e-9);
        }
        assertFalse(t.has("gif"));
    }

    @Test
    void aTraceIsCappedAndDrawnOnRequest() throws IOException {
        Answer a = trace("{\"task\": \"LavaGap\", \"program\": \"DEF run m( left left left left left m)\", \"seed\": 1,"
                + " \"max_steps\": 2, \"gif\": true, \"max_frames\": 3}");
        assertEquals(200, a.status(), a.body().toString());
        JsonNode t = a.body();
        assertEquals("minigrid", t.get("domain").asText());
        assertEquals(5, t.get("steps").asInt());
        assertEquals(2, t.get("log").size());
        assertEquals(3, t.get("log_omitted").asInt());
        assertTrue(t.has("terminated"), "MiniGrid says whether the last step terminated");
        byte[] gif = java.util.Base64.getDecoder().decode(t.get("gif").asText());
        assertEquals("GIF8", new String(gif, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void traceRefusals() throws IOException {
        assertField(422, "program", trace("{\"task\": \"DoorKey\"}"));
        Answer typo = trace("{\"task\": \"DoorKey\", \"program\": \"DEF run m( mvoe m)\"}");
        assertField(422, "program", typo);
        assertTrue(typo.body().get("error").asText().matches("\\d+:\\d+: .*"), typo.body().toString());
        assertField(422, "program", trace("{\"task\": \"DoorKey\", \"program\": [\"DEF run m( move m)\"]}"));
        assertField(422, "task", trace("{\"task\": \"Nowhere\", \"program\": \"DEF run m( move m)\"}"));
        assertField(422, "seed", trace("{\"task\": \"DoorKey\", \"program\": \"DEF run m( move m)\", \"seed\": -1}"));
        assertField(422, "seed", trace("{\"task\": \"DoorKey\", \"program\": \"DEF run m( move m)\", \"seed\": \"0\"}"));
        assertField(422, "max_steps", trace("{\"task\": \"DoorKey\", \"program\": \"DEF run m( move m)\", \"max_steps\": 100000}"));
        assertField(422, "max_frames", trace("{\"task\": \"DoorKey\", \"program\": \"DEF run m( move m)\", \"max_frames\": 0}"));
        assertField(422, "gif", trace("{\"task\": \"DoorKey\", \"program\": \"DEF run m( move m)\", \"gif\": 1}"));
        assertField(422, "programs", trace("{\"task\": \"DoorKey\", \"programs\": [\"DEF run m( move m)\"]}"));
        assertRefused(400, trace("{\"task\": \"DoorKey\", \"program\": "));
        assertRefused(405, call(server, at(server, "/v1/trace")));
    }
}
