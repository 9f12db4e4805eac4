package io.github.llmgs.search.serve;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.NamedTask;
import io.github.llmgs.search.config.Seeds;
import io.github.llmgs.search.picture.Animation;
import io.github.llmgs.search.picture.Film;
import io.github.llmgs.search.picture.Frame;
import io.github.llmgs.search.picture.karel.KarelFrames;
import io.github.llmgs.search.picture.minigrid.MiniGridFrames;
import java.util.ArrayList;
import java.util.Base64;
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
 * POST /v1/trace      one episode step by step (and, with gif, drawn), on the reference interpreter
 * </pre>
 */
final class ApiRoutes {
    static final String EVALUATE = "/v1/evaluate";
    static final String TASKS = "/v1/tasks";
    static final String HEALTH = "/v1/health";
    static final String TRACE = "/v1/trace";
    /** Every route, for the 404 message. */
    static final String ROUTES = "GET /v1/health, GET /v1/tasks, POST /v1/evaluate, POST /v1/trace";

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
            case EVALUATE, TRACE -> "POST";
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

    /**
     * One episode as {@code llmgs trace} and {@code eval --trace} run it: the tree-walking
     * reference interpreter, the domain's run settings, a log entry per action (the first
     * {@code max_steps}) and, with {@code gif}, the animation of the first {@code max_frames}.
     */
    ApiReply trace(byte[] body) {
        TraceRequest request = TraceRequest.parse(body, limits);
        NamedTask target = Engine.target(request.task());
        Engine.Parsed parsed = Engine.parse(request.program(), target.vocabulary());
        if (parsed.error() != null) throw new ApiError(422, "program", parsed.error());
        Node.Program program = parsed.program();
        int maxCalls = engine.settings(target.domain()).maxCalls();
        int frames = Math.max(request.maxSteps(), request.gif() ? request.maxFrames() - 1 : 0) + 1;
        long seed = request.seed();
        Film film = target.miniGrid() != null
                ? MiniGridFrames.film(target.miniGrid(), program, seed, maxCalls, frames)
                : KarelFrames.film(target.karel(), program, Engine.instance(target.karel(), seed, "seed"), seed, maxCalls, frames);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", target.name());
        m.put("domain", target.domain());
        m.put("seed", seed);
        m.put("max_calls", maxCalls);
        m.put("return", film.end().ret());
        m.put("steps", film.steps());
        m.put("calls", film.end().calls());
        m.put("crashed", film.end().crashed());
        if (film.end().terminated() != null) m.put("terminated", film.end().terminated());
        m.put("summary", film.summary());
        List<Map<String, Object>> log = new ArrayList<>();
        for (Frame f : film.frames()) {
            if (f.step() == 0 || f.step() > request.maxSteps()) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("step", f.step());
            e.put("action", f.action());
            e.put("reward", f.reward());
            e.put("return", f.ret());
            e.put("status", f.status());
            log.add(e);
        }
        m.put("log", log);
        m.put("log_omitted", film.steps() - log.size());
        if (request.gif()) {
            byte[] gif = Animation.gif(film.first(request.maxFrames()), Animation.DEFAULT_CELL, Animation.DEFAULT_DELAY_MS);
            m.put("gif", Base64.getEncoder().encodeToString(gif));
        }
        return ApiReply.json(200, m);
    }
}
