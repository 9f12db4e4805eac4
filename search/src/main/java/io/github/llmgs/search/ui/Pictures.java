package io.github.llmgs.search.ui;

import io.github.llmgs.search.picture.Animation;
import io.github.llmgs.search.plot.Figures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The images the pages show, from the animation and plot APIs, kept in a small cache: an
 * episode GIF takes a while to render and a page asks for the same one again on every reload.
 */
final class Pictures {
    static final int RUN_WIDTH = 640, RUN_HEIGHT = 320;
    static final int TASK_WIDTH = 640, TASK_HEIGHT = 400;
    static final int MAX_FRAMES = Animation.DEFAULT_MAX_FRAMES;
    private static final int CACHED = 32;

    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    /** @throws IllegalArgumentException for a program or task the animation cannot play */
    byte[] episode(String task, String program, long instanceSeed) {
        return cached("gif\t" + task + "\t" + program + "\t" + instanceSeed,
                () -> Animation.gif(task, program, instanceSeed, MAX_FRAMES));
    }

    /** A finished run's curve; the key holds result.json's stamp, so a rerun in the same folder is drawn again. */
    byte[] runCurve(Path runDir, String stamp) {
        return cached("run\t" + runDir + "\t" + stamp, () -> Figures.runPng(runDir, RUN_WIDTH, RUN_HEIGHT));
    }

    byte[] taskPlot(Path sweepDir, String task, String stamp) {
        return cached("task\t" + sweepDir + "\t" + task + "\t" + stamp, () -> Figures.taskPng(sweepDir, task, TASK_WIDTH, TASK_HEIGHT));
    }

    private byte[] cached(String key, Supplier<byte[]> make) {
        synchronized (cache) {
            byte[] b = cache.get(key);
            if (b != null) return b;
        }
        byte[] made = make.get();
        synchronized (cache) {
            cache.put(key, made);
        }
        return made;
    }
}
