package io.github.llmgs.search.cli;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.search.config.RunSettings;
import io.github.llmgs.search.picture.Animation;
import io.github.llmgs.search.picture.Canvas;
import io.github.llmgs.search.picture.Film;
import io.github.llmgs.search.picture.Gif;
import io.github.llmgs.search.picture.karel.KarelFrames;
import io.github.llmgs.search.picture.minigrid.MiniGridFrames;
import io.github.llmgs.search.run.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs trace}: one episode drawn frame by frame, as an animated GIF or a PNG filmstrip. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Draw one episode frame by frame: an animated GIF, or with --png a filmstrip of the frames.",
                "Frame 0 is the start world, frame k the world after the k-th action, captioned with the step,",
                "the action and the return so far: the episode that 'eval --trace SEED' prints, on the same",
                "tree-walking reference interpreter and run settings."},
        footer = {"", "Examples:",
                "  llmgs trace --task DoorKey --program \"DEF run m( WHILE c( frontIsClear c) w( move w) m)\" --seed 0 --out doorkey.gif",
                "  llmgs trace --task LavaGap --program \"DEF run m( REPEAT R=3 r( forward r) m)\" --seed 0 --png --out lavagap.png"})
final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "Task name, e.g. DoorKey (see 'llmgs tasks').")
    String taskName;

    @ArgGroup(exclusive = true, multiplicity = "1")
    EvalCommand.ProgramSource source;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Instance seed, 0..4294967295 (default: ${DEFAULT-VALUE}).")
    String seedText;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced whole if it exists).")
    Path out;

    @Option(names = "--png", description = "Write a PNG filmstrip (the frames tiled in a grid) instead of a GIF.")
    boolean png;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "" + Animation.DEFAULT_MAX_FRAMES,
            description = "At most N frames, the start included; the last one says how many steps are not shown (default: ${DEFAULT-VALUE}).")
    int maxFrames;

    @Option(names = {"--scale", "--cell"}, paramLabel = "PX",
            description = "Pixels per grid cell, " + Animation.MIN_CELL + ".." + Animation.MAX_CELL + " (default: " + Animation.DEFAULT_CELL + ", with --png "
                    + Animation.DEFAULT_FILMSTRIP_CELL + ").")
    Integer cell;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "" + Animation.DEFAULT_DELAY_MS,
            description = "Milliseconds per GIF frame, " + Gif.MIN_DELAY_MS + ".." + Gif.MAX_DELAY_MS + "; the last frame stays 4 times as long (default: ${DEFAULT-VALUE}).")
    int delayMs;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run settings of the task's domain, for max_calls (default: configs/karel.json or configs/minigrid.json as built into the jar).")
    Path config;

    @Override
    public Integer call() {
        Canvas.headless(); // before anything touches AWT
        DomainTask chosen = DomainTask.of(taskName);
        RunSettings settings = chosen.settings("--config", config);
        Node.Program program = source.text != null ? Inputs.program(source.text, chosen.vocabulary())
                : Inputs.programFile(source.file, chosen.vocabulary());
        Inputs.fits(program, source.text != null ? "--program" : source.file.toString());
        long seed = Inputs.seed("--seed", seedText);
        if (maxFrames < 1) throw new CliException("--max-frames " + maxFrames + ": at least 1 (the start world)");
        int px = cell != null ? cell : png ? Animation.DEFAULT_FILMSTRIP_CELL : Animation.DEFAULT_CELL;
        if (px < Animation.MIN_CELL || px > Animation.MAX_CELL) {
            throw new CliException("--scale " + px + ": pixels per cell are " + Animation.MIN_CELL + ".." + Animation.MAX_CELL);
        }
        if (!png && (delayMs < Gif.MIN_DELAY_MS || delayMs > Gif.MAX_DELAY_MS)) {
            throw new CliException("--delay " + delayMs + ": milliseconds per frame are " + Gif.MIN_DELAY_MS + ".." + Gif.MAX_DELAY_MS);
        }
        checkOut();

        Film film;
        if (chosen.isMiniGrid()) {
            film = MiniGridFrames.film(chosen.miniGrid(), program, seed, settings.maxCalls(), maxFrames);
        } else {
            TaskInstance instance = Inputs.instance(chosen.karel(), seed, "--seed");
            film = KarelFrames.film(chosen.karel(), program, instance, seed, settings.maxCalls(), maxFrames);
        }
        byte[] bytes;
        try {
            bytes = png ? Animation.filmstrip(film, px) : Animation.gif(film, px, delayMs);
        } catch (IllegalArgumentException e) {
            throw new CliException((png ? "--png" : "--out") + ": " + e.getMessage()); // a sheet too large to draw
        }
        write(bytes);

        PrintWriter o = spec.commandLine().getOut();
        int n = film.frames().size();
        o.printf("wrote %s: %s, %d frame%s (steps 0-%d of %d%s), %s%n", out, png ? "PNG filmstrip" : "GIF", n, n == 1 ? "" : "s",
                n - 1, film.steps(), film.hidden() > 0 ? ", " + film.hidden() + " not shown" : "", film.title());
        o.printf("episode: %s%n", film.summary());
        o.flush();
        return 0;
    }

    /** A name that says the other format is refused, and so is a folder or a missing one, before any episode runs. */
    private void checkOut() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (png && name.endsWith(".gif")) {
            throw new CliException("--out " + out + ": a .gif name for a PNG filmstrip (--png); name it .png");
        }
        if (!png && name.endsWith(".png")) {
            throw new CliException("--out " + out + ": a .png name for a GIF; add --png for a filmstrip, or name it .gif");
        }
        if (Files.isDirectory(out)) throw new CliException("--out " + out + ": is a directory");
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CliException("--out " + out + ": no such directory: " + (parent == null ? out : parent));
        }
    }

    /** Beside the target, then renamed over it: a reader sees the old picture or the new one, never half. */
    private void write(byte[] bytes) {
        try {
            AtomicFiles.write(out, bytes);
        } catch (IOException e) {
            throw new CliException("--out " + out + ": cannot write (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
