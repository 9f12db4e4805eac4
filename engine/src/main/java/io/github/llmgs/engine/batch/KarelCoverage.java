package io.github.llmgs.engine.batch;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.vm.Coverage;
import java.util.List;

/**
 * {@link Coverage} of Karel programs on a run's instances, on the VM whatever backend scores
 * them (every backend gives the VM's episodes), each episode set up by the {@code cpu} backend's
 * own worker, so that coverage and scoring run the same episodes. One thread at a time: it keeps
 * its worker, whose WHILE table is sized by the call limit.
 */
public final class KarelCoverage {
    private final List<TaskInstance> instances;
    private final CpuBackend.Worker worker;

    public KarelCoverage(Task task, List<TaskInstance> instances, int maxCalls) {
        this.instances = List.copyOf(instances);
        this.worker = new CpuBackend.Worker(task, maxCalls);
    }

    /** {@link Coverage#byInstance}: per instance, the nodes its episode reaches and its return (the VM's, as {@code cpu} scores it). */
    public Coverage.ByInstance byInstance(Node.Program program) {
        return Coverage.byInstance(program, Domains.KAREL, instances.size(), (code, e, executed) -> {
            worker.run(code, instances.get(e), executed);
            return worker.vm.ret();
        });
    }

    /** {@link Coverage#reached} over every instance. */
    public boolean[] reached(Node.Program program) {
        return Coverage.reached(program, Domains.KAREL, (code, executed) -> {
            for (TaskInstance instance : instances) worker.run(code, instance, executed);
        });
    }
}
