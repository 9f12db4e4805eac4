package io.github.llmgs.engine.conformance;

import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which vectors a directory holds: Karel's (random_state.jsonl, snake_tape.jsonl), MiniGrid's
 * (rng.jsonl, traces.jsonl) or the reference's recorded searches (search.jsonl, Karel tasks). A
 * directory with only instances.jsonl or episodes.jsonl is told by the task named on its first line.
 */
public enum VectorLayout {
    KAREL("karel", List.of("random_state.jsonl", "snake_tape.jsonl")),
    MINIGRID("minigrid", List.of("rng.jsonl", "traces.jsonl")),
    SEARCH("search", List.of("search.jsonl"));

    private static final List<String> SHARED = List.of("instances.jsonl", "episodes.jsonl");

    private final String domain;
    private final List<String> ownFiles;

    VectorLayout(String domain, List<String> ownFiles) {
        this.domain = domain;
        this.ownFiles = ownFiles;
    }

    public String domain() {
        return domain;
    }

    public static VectorLayout detect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new VectorFormatException(dir + ": no such vectors directory");
        }
        boolean karel = KAREL.ownFiles.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
        boolean miniGrid = MINIGRID.ownFiles.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
        boolean search = SEARCH.ownFiles.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
        if ((karel ? 1 : 0) + (miniGrid ? 1 : 0) + (search ? 1 : 0) > 1) {
            throw new VectorFormatException(dir + ": holds more than one kind of vectors (Karel's random_state.jsonl, "
                    + "snake_tape.jsonl; MiniGrid's rng.jsonl, traces.jsonl; searches' search.jsonl); keep one kind per directory");
        }
        if (karel) return KAREL;
        if (miniGrid) return MINIGRID;
        if (search) return SEARCH;
        for (String f : SHARED) {
            Path file = dir.resolve(f);
            if (Files.isRegularFile(file)) {
                VectorLine first = VectorFiles.read(file).get(0);
                String task = first.textField("task");
                if (isMiniGridTask(task)) return MINIGRID;
                if (Tasks.all().stream().anyMatch(t -> t.name().equals(task))) return KAREL;
                throw new VectorFormatException(first.where() + ": unknown task '" + task + "', neither Karel's nor MiniGrid's");
            }
        }
        throw new VectorFormatException(dir + ": no vectors files (expected Karel's instances.jsonl, random_state.jsonl, "
                + "snake_tape.jsonl, episodes.jsonl, MiniGrid's instances.jsonl, rng.jsonl, episodes.jsonl, traces.jsonl, "
                + "or search.jsonl)");
    }

    private static boolean isMiniGridTask(String name) {
        return MiniGridTasks.ALL.stream().anyMatch(t -> t.name().equals(name));
    }
}
