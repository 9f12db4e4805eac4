package io.github.llmgs.engine.vm;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import java.util.List;

/**
 * {@link Coverage} of Karel programs on a run's instances, on the VM whatever backend scores
 * them (every backend gives the VM's episodes). One thread at a time: it keeps its world and
 * VM, whose WHILE table is sized by the call limit.
 */
public final class KarelCoverage {
    private final List<TaskInstance> instances;
    private final int maxCalls;
    private final World world;
    private final Reward reward;
    private final BytecodeVm vm;

    public KarelCoverage(Task task, List<TaskInstance> instances, int maxCalls) {
        this.instances = List.copyOf(instances);
        this.maxCalls = maxCalls;
        this.world = new World(task.rows(), task.cols());
        this.reward = task.newReward();
        this.vm = new BytecodeVm(maxCalls);
    }

    /** {@link Coverage#reached} over every instance. */
    public boolean[] reached(Node.Program program) {
        return Coverage.reached(program, Domains.KAREL, (code, executed) -> {
            for (TaskInstance instance : instances) {
                world.load(instance, maxCalls);
                reward.reset(instance, world);
                vm.run(code, world, reward, null, executed);
            }
        });
    }
}
