package io.github.llmgs.search.serve;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's routes, each a function from a method, a path and a body to an {@link ApiReply}:
 *
 * <pre>
 * GET  /v1/health     backend, device and version
 * GET  /v1/tasks      every task: name, domain, size, seeds and max_calls of its run settings
 * POST /v1/evaluate   programs' scores on a task (and, with per_episode, each episode)
 * </pre>
 */
final class ApiRoutes {
    static final String EVALUATE = "/v1/evaluate";
    static final String TASKS = "/v1/tasks";
    static final String HEALTH = "/v1/health";

    private final Engine engine;
    private final ServeLimits limits;
    private final String version;

    ApiRoutes(Engine engine, ServeLimits limits, String version) {
        this.engine = engine;
        this.limits = limits;
        this.version = version;
    }

    /** The methods a path takes, or null for no such path. */
    static String allowed(String path) {
        return switch (path) {
            case EVALUATE -> "POST";
            case TASKS, HEALTH -> "GET";
            default -> null;
        };
    }

    ApiReply health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("backend", engine.karel().name());
        m.put("device", engine.karel().device());
        m.put("minigrid_backend", engine.miniGrid().name());
        m.put("minigrid_device", engine.miniGrid().device());
        m.put("version", version);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("max_body_bytes", limits.maxBodyBytes());
        l.put("max_programs", limits.maxPrograms());
        l.put("max_tokens", limits.maxTokens());
        l.put("max_seeds", limits.maxSeeds());
        l.put("max_in_flight", limits.maxInFlight());
        l.put("request_seconds", limits.requestSeconds());
        m.put("limits", l);
        return ApiReply.json(200, m);
    }

    ApiReply tasks() {
        List<Map<String, Object>> out = new ArrayList<>();
        RunSettings karel = engine.settings("karel");
        for (Task t : Tasks.all()) {
            out.add(task(t.name(), "karel", t.rows(), t.cols(), t.description(), karel));
        }
        RunSettings mg = engine.settings("minigrid");
        for (MiniGridTask t : MiniGridTasks.ALL) {
            out.add(task(t.name(), "minigrid", t.height(), t.width(), t.description(), mg));
        }
        return ApiReply.json(200, Map.of("tasks", out));
    }

    private static Map<String, Object> task(String name, String domain, int rows, int cols, String description, RunSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("domain", domain);
        m.put("rows", rows);
        m.put("cols", cols);
        m.put("description", description);
        m.put("seeds", Seeds.format(s.seeds()));
        m.put("max_calls", s.maxCalls());
        return m;
    }

    ApiReply evaluate(byte[] body) {
        EvaluateRequest request = EvaluateRequest.parse(body, limits);
        Engine.Answer a = engine.evaluate(request);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", a.task());
        m.put("domain", a.domain());
        m.put("backend", a.domain().equals("minigrid") ? engine.miniGrid().name() : engine.karel().name());
        m.put("seeds", Seeds.format(a.seeds()));
        m.put("max_calls", a.maxCalls());
        List<Map<String, Object>> results = new ArrayList<>(a.slots().size());
        for (Engine.Slot s : a.slots()) {
            Map<String, Object> r = new LinkedHashMap<>();
            if (s.error() != null) {
                r.put("error", s.error());
            } else {
                r.put("score", s.score());
                if (s.episodes() != null) r.put("episodes", s.episodes());
            }
            results.add(r);
        }
        m.put("results", results);
        return ApiReply.json(200, m);
    }
}
