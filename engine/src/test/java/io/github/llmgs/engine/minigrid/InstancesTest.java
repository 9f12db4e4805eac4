package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every instance of instances.jsonl generated from (task, seed), every field compared (by {@link MiniGridConformance}). */
class InstancesTest {
    @Test
    void everyInstanceMatches() {
        Vectors.assertCounts(Vectors.check("instances.jsonl"), 96);
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
