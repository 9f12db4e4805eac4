package io.github.llmgs.search.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.llmgs.search.config.Seeds;
import io.github.llmgs.search.picture.Animation;
import java.util.List;

/**
 * A {@code POST /v1/trace} body: {@code task}, {@code program} (LEAPS tokens), {@code seed}
 * (default 0), {@code max_steps} (log entries, default {@value #DEFAULT_STEPS}), {@code gif}
 * (also draw the episode) and {@code max_frames} (GIF frames, the start included).
 */
record TraceRequest(String task, String program, long seed, int maxSteps, boolean gif, int maxFrames) {
    static final int DEFAULT_STEPS = 1000;
    /** A log entry is small, but each keeps its world for the picture until the reply is built. */
    static final int MAX_STEPS = 10_000;
    /** GIF frames are drawn whole in memory. */
    static final int MAX_FRAMES = 1000;
    private static final List<String> FIELDS = List.of("task", "program", "seed", "max_steps", "gif", "max_frames");

    static TraceRequest parse(byte[] body, ServeLimits limits) {
        JsonNode root = Body.object(body, FIELDS);
        String task = Body.task(root);
        JsonNode program = root.get("program");
        if (program == null) throw new ApiError(422, "program", "a program string is required");
        String text = Body.program(program, "program", limits);
        long seed = Body.integer(root, "seed", 0, Seeds.MAX_SEED, 0, "an instance seed");
        int steps = (int) Body.integer(root, "max_steps", 0, MAX_STEPS, DEFAULT_STEPS, "max_steps");
        boolean gif = Body.flag(root, "gif");
        int frames = (int) Body.integer(root, "max_frames", 1, MAX_FRAMES, Animation.DEFAULT_MAX_FRAMES, "max_frames");
        return new TraceRequest(task, text, seed, steps, gif, frames);
    }
}
