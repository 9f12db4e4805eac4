package io.github.llmgs.search.picture;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.dsl.bytecode.Capacity;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.search.config.NamedTask;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.config.Seeds;
import io.github.llmgs.search.picture.karel.KarelFrames;
import io.github.llmgs.search.picture.minigrid.MiniGridFrames;

/**
 * An episode of either domain as an animated GIF or a PNG filmstrip, from a task name, a program
 * and a seed, with the domain's default run settings ({@code max_calls} of configs/karel.json or
 * configs/minigrid.json). What {@code llmgs trace} writes and the dashboard serves. Bad input is
 * an {@link IllegalArgumentException} with a one-line message.
 */
public final class Animation {
    public static final int DEFAULT_MAX_FRAMES = 200;
    /** Pixels per grid cell in a GIF. */
    public static final int DEFAULT_CELL = 32;
    /** Pixels per grid cell in a filmstrip: a sheet holds many frames. */
    public static final int DEFAULT_FILMSTRIP_CELL = 16;
    public static final int DEFAULT_DELAY_MS = 250;
    public static final int MIN_CELL = 4;
    public static final int MAX_CELL = 256;

    private Animation() {}

    /** The episode as a looping GIF, one frame per step plus the start, at most {@code maxFrames}. */
    public static byte[] gif(String task, String program, long seed, int maxFrames) {
        return gif(film(task, program, seed, maxFrames), DEFAULT_CELL, DEFAULT_DELAY_MS);
    }

    /** The same frames tiled in one PNG. */
    public static byte[] filmstrip(String task, String program, long seed, int maxFrames) {
        return filmstrip(film(task, program, seed, maxFrames), DEFAULT_FILMSTRIP_CELL);
    }

    public static byte[] gif(Film film, int cell, int delayMs) {
        return Gif.write(new Panels(film, cell), delayMs);
    }

    public static byte[] filmstrip(Film film, int cell) {
        return Filmstrip.write(new Panels(film, cell));
    }

    public static void checkCell(int cell) {
        if (cell < MIN_CELL || cell > MAX_CELL) {
            throw new IllegalArgumentException("cell size " + cell + " px is out of range (" + MIN_CELL + ".." + MAX_CELL + ")");
        }
    }

    /** The episode's frames, the task looked up in both domains and the program parsed in the task's. */
    public static Film film(String taskName, String source, long seed, int maxFrames) {
        if (seed < 0 || seed > Seeds.MAX_SEED) {
            throw new IllegalArgumentException("seed " + seed + " is out of range (seeds are 0.." + Seeds.MAX_SEED + ")");
        }
        if (maxFrames < 1) throw new IllegalArgumentException("max frames " + maxFrames + ": at least 1 (the start world)");
        NamedTask named = NamedTask.of(taskName == null ? "" : taskName.strip());
        Node.Program program = parse(source, named.vocabulary());
        if (named.isMiniGrid()) return MiniGridFrames.film(named.miniGrid(), program, seed, maxCalls(Domains.MINIGRID), maxFrames);
        Task task = named.karel();
        TaskInstance instance;
        try {
            instance = task.generate((int) seed); // the seed's 32-bit pattern, as eval hands it over
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("seed " + seed + ": " + e.getMessage());
        }
        return KarelFrames.film(task, program, instance, seed, maxCalls(Domains.KAREL), maxFrames);
    }

    private static Node.Program parse(String source, Vocabulary vocabulary) {
        if (source == null) throw new IllegalArgumentException("program: none given");
        Node.Program program;
        try {
            program = Parser.parse(source, vocabulary);
        } catch (ParseException e) {
            throw new IllegalArgumentException("program: " + e.getMessage().strip().lines().findFirst().orElse(""));
        }
        Capacity.problem(program).ifPresent(problem -> {
            throw new IllegalArgumentException("program: " + problem);
        });
        return program;
    }

    private static int maxCalls(Vocabulary domain) {
        return RunSettings.loadDefault(domain.domain()).maxCalls();
    }
}
