package io.github.llmgs.engine.minigrid;

import java.util.List;

/** The MiniGrid tasks by name, in the reference's task-index order. */
public final class MiniGridTasks {
    public static final List<MiniGridTask> ALL = List.of(LavaGap.INSTANCE, RedBlueDoor.INSTANCE, PutNear.INSTANCE);

    private MiniGridTasks() {}

    /** The task of that name, ignoring case, if it is a MiniGrid task. */
    public static java.util.Optional<MiniGridTask> find(String name) {
        return ALL.stream().filter(t -> t.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    public static MiniGridTask byName(String name) {
        for (MiniGridTask t : ALL) {
            if (t.name().equals(name)) return t;
        }
        throw new IllegalArgumentException("unknown MiniGrid task: " + name + " (known: LavaGap, RedBlueDoor, PutNear)");
    }
}
