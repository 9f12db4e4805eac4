package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every instance of instances.jsonl generated from (task, seed), every field compared. */
class InstancesTest {
    @Test
    void everyInstanceMatches() {
        List<JsonNode> lines = Vectors.lines("instances.jsonl");
        assertEquals(96, lines.size());
        List<String> failures = new ArrayList<>();
        for (JsonNode line : lines) {
            MiniGridTask task = MiniGridTasks.byName(line.get("task").asText());
            long seed = line.get("seed").asLong();
            MiniGridWorld w = MiniGridWorld.generate(task, seed);
            List<String> diff = differences(line, w);
            if (!diff.isEmpty()) {
                failures.add(task.name() + " seed " + seed + ": " + String.join("; ", diff) + "\nwant:\n"
                        + String.join("\n", Vectors.strings(line.get("grid"))) + "\ngot:\n" + w.describe());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of 96 instances differ:\n" + String.join("\n\n", failures));
    }

    private static List<String> differences(JsonNode line, MiniGridWorld w) {
        List<String> diff = new ArrayList<>();
        check(diff, "width", line.get("width").asInt(), w.width);
        check(diff, "height", line.get("height").asInt(), w.height);
        check(diff, "grid", Vectors.strings(line.get("grid")), w.render());
        check(diff, "agent", pos(line.get("agent")), List.of(w.agentX, w.agentY));
        check(diff, "agent_dir", line.get("agent_dir").asInt(), w.agentDir);
        check(diff, "agent_pos_is_ndarray", line.get("agent_pos_is_ndarray").asBoolean(), w.agentPosIsArray);
        check(diff, "carrying", line.get("carrying").isNull() ? null : line.get("carrying").asText(), w.carryingText());
        check(diff, "mission", line.get("mission").asText(), w.mission);
        check(diff, "max_steps", line.get("max_steps").asInt(), w.maxSteps);
        check(diff, "step_count", line.get("step_count").asInt(), w.stepCount);
        switch (w.task.name()) {
            case "LavaGap" -> {
                check(diff, "gap_pos", pos(line.get("gap_pos")), List.of(w.gapX, w.gapY));
                check(diff, "goal_pos", pos(line.get("goal_pos")), List.of(w.goalX, w.goalY));
            }
            case "RedBlueDoor" -> {
                check(diff, "red_door", pos(line.get("red_door")), List.of(w.redDoorX, w.redDoorY));
                check(diff, "blue_door", pos(line.get("blue_door")), List.of(w.blueDoorX, w.blueDoorY));
            }
            case "PutNear" -> {
                check(diff, "move_type", line.get("move_type").asText(), ObjectType.name(w.moveType));
                check(diff, "move_color", line.get("move_color").asText(), Color.name(w.moveColor));
                check(diff, "move_pos", pos(line.get("move_pos")), List.of(w.moveX, w.moveY));
                check(diff, "target_type", line.get("target_type").asText(), ObjectType.name(w.targetType));
                check(diff, "target_color", line.get("target_color").asText(), Color.name(w.targetColor));
                check(diff, "target_pos", pos(line.get("target_pos")), List.of(w.targetX, w.targetY));
            }
            default -> diff.add("no field checks for task " + w.task.name());
        }
        return diff;
    }

    private static List<Integer> pos(JsonNode xy) {
        return List.of(xy.get(0).asInt(), xy.get(1).asInt());
    }

    private static void check(List<String> diff, String field, Object want, Object got) {
        if (want == null ? got != null : !want.equals(got)) {
            diff.add(field + " want " + want + " got " + got);
        }
    }

    /** A reset reproduces the generated state exactly, as the reference's re-seeded reset does. */
    @Test
    void resetRestoresTheInstance() {
        for (MiniGridTask task : MiniGridTasks.ALL) {
            ProgramWrapper wrapper = ProgramWrapper.of(task, 3);
            StateKey start = wrapper.world().stateKey();
            List<String> grid = wrapper.world().render();
            wrapper.act(Action.RIGHT);
            wrapper.act(Action.TOGGLE);
            wrapper.reset();
            assertEquals(start, wrapper.world().stateKey(), task.name());
            assertEquals(grid, wrapper.world().render(), task.name());
            assertEquals(new EpisodeResult(0.0, 0, 0, false, false), wrapper.result(), task.name());
        }
    }
}
