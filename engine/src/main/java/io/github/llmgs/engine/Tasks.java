package io.github.llmgs.engine;

import io.github.llmgs.engine.tasks.CleanHouse;
import io.github.llmgs.engine.tasks.DoorKey;
import io.github.llmgs.engine.tasks.FourCorners;
import io.github.llmgs.engine.tasks.Harvester;
import io.github.llmgs.engine.tasks.Maze;
import io.github.llmgs.engine.tasks.OneStroke;
import io.github.llmgs.engine.tasks.PathFollow;
import io.github.llmgs.engine.tasks.Seeder;
import io.github.llmgs.engine.tasks.Snake;
import io.github.llmgs.engine.tasks.StairClimber;
import io.github.llmgs.engine.tasks.TopOff;
import io.github.llmgs.engine.tasks.WallAvoider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of the 18 Karel task variants (12 tasks, 6 sparse). */
public final class Tasks {
    private static final Map<String, Task> BY_NAME = new LinkedHashMap<>();

    static {
        for (Task t : List.<Task>of(
                new StairClimber(false), new StairClimber(true),
                new Maze(false), new Maze(true),
                new FourCorners(false), new FourCorners(true),
                new TopOff(false), new TopOff(true),
                new Harvester(false), new Harvester(true),
                new CleanHouse(false), new CleanHouse(true),
                new DoorKey(), new OneStroke(), new Seeder(), new Snake(),
                new WallAvoider(), new PathFollow())) {
            BY_NAME.put(t.name(), t);
        }
    }

    private Tasks() {}

    public static List<Task> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** Case-insensitive lookup; an unknown name is an error listing every task. */
    public static Task byName(String name) {
        for (Task t : BY_NAME.values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "'; known tasks: "
                + String.join(", ", BY_NAME.keySet()));
    }
}
