package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import java.util.ArrayList;
import java.util.List;

/** A Karel backend on a task's instances, under a call limit (the run settings'). */
public final class KarelSubject extends AdaptedBackend {
    private final Backend backend;
    private final Task task;
    private final List<TaskInstance> instances;
    private final int maxCalls;

    public KarelSubject(Backend backend, Task task, List<TaskInstance> instances, int maxCalls) {
        super(backend, backend.name(), backend.device(), task.name(), instances.size());
        this.backend = backend;
        this.task = task;
        this.instances = List.copyOf(instances);
        this.maxCalls = maxCalls;
    }

    @Override
    public Pass pass(List<Node.Program> programs, int batchSize) {
        // built before the clock starts: a pass times the backend, not the request objects
        List<BatchRequest> requests = new ArrayList<>();
        for (int from = 0; from < programs.size(); from += batchSize) {
            requests.add(new BatchRequest(task, instances,
                    programs.subList(from, Math.min(programs.size(), from + batchSize)), true, maxCalls));
        }
        long start = System.nanoTime();
        List<BatchResult> results = new ArrayList<>(requests.size());
        for (BatchRequest r : requests) {
            results.add(backend.evaluate(r));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = instances.size();
        long calls = 0;
        double checksum = 0;
        int[] episodeCalls = new int[programs.size() * n];
        boolean[] limited = new boolean[episodeCalls.length];
        int e = 0;
        for (BatchResult r : results) {
            calls += r.totalCalls();
            for (int p = 0; p < r.programs(); p++) {
                checksum += r.mean(p);
                for (int i = 0; i < n; i++, e++) {
                    episodeCalls[e] = r.episode(p, i).calls();
                    limited[e] = r.exit(p, i) == ExitStatus.CALL_LIMIT;
                }
            }
        }
        return new Pass(seconds, calls, checksum, episodeCalls, limited);
    }
}
