package io.github.llmgs.engine;

/**
 * A Karel task variant: how its instances are generated from a seed and how an episode is
 * rewarded. Implementations live in {@code io.github.llmgs.engine.tasks}, one file per task.
 */
public interface Task {
    /** The variant's name as the reference spells it, e.g. {@code DoorKey}, {@code MazeSparse}. */
    String name();

    int rows();

    int cols();

    boolean sparse();

    /** One line for {@code llmgs tasks}. */
    String description();

    /** The initial world for a seed, drawn with numpy's legacy RandomState(seed). */
    TaskInstance generate(int seed);

    /** A fresh, reusable reward function for this task (one per thread). */
    Reward newReward();

    /** Stable index of the dense task (kernel's task id); a sparse variant shares its dense task's. */
    int kernelId();

    /**
     * A proven upper bound on one episode's return, which lets a backend stop a program's episodes
     * once its mean can no longer pass a threshold ({@link io.github.llmgs.engine.batch.BatchRequest#thresholds});
     * infinite (no early stop) unless a task proves one.
     */
    default double maxReturn() {
        return Double.POSITIVE_INFINITY;
    }
}
