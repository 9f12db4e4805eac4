package io.github.llmgs.search.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * What an array task asks Slurm for: the partition, the time limit, CPUs and GPUs per task (null:
 * the cluster's default), and sbatch options passed through as given (an account, a QOS, memory).
 */
public record ArrayOptions(String partition, String time, Integer cpusPerTask, Integer gpusPerTask,
                           List<String> sbatchArgs) {
    public ArrayOptions {
        sbatchArgs = List.copyOf(sbatchArgs);
    }

    /** The #SBATCH options for one array task. */
    List<String> taskDirectives() {
        List<String> d = new ArrayList<>(shared());
        if (cpusPerTask != null) d.add("--cpus-per-task=" + cpusPerTask);
        if (gpusPerTask != null && gpusPerTask > 0) d.add("--gpus-per-task=" + gpusPerTask);
        return d;
    }

    /** The #SBATCH options for the merge job: the same partition and limit, one CPU, no GPU (it only reads files). */
    List<String> mergeDirectives() {
        List<String> d = new ArrayList<>(shared());
        d.add("--cpus-per-task=1");
        return d;
    }

    private List<String> shared() {
        List<String> d = new ArrayList<>();
        if (partition != null) d.add("--partition=" + partition);
        if (time != null) d.add("--time=" + time);
        return d;
    }
}
