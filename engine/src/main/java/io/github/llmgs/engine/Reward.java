package io.github.llmgs.engine;

/**
 * A task's reward function with its per-episode state. Called right after every executed
 * action; implementations must not allocate in {@link #step}.
 */
public interface Reward {
    /** Starts a new episode on an instance whose world was just loaded. */
    void reset(TaskInstance instance, World world);

    /** The reward for the action just executed; updates {@link #terminated()}. */
    double step(World world);

    boolean terminated();
}
