package io.github.llmgs.engine.batch;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import java.util.List;

/**
 * Programs to run on every instance of one task. {@code perEpisode} asks for each episode's
 * return, steps, calls and crash flag besides each program's mean return.
 *
 * <p>Every backend's work arrives as a request, so this is where programs beyond the engine's
 * limits are refused ({@link CapacityException}), the same way on every backend.
 */
public record BatchRequest(Task task, List<TaskInstance> instances, List<Node.Program> programs,
                           boolean perEpisode, int maxCalls) {
    public BatchRequest {
        instances = List.copyOf(instances);
        programs = List.copyOf(programs);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one task instance");
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        }
        CapacityException.check(programs);
    }

    public int episodes() {
        return programs.size() * instances.size();
    }
}
