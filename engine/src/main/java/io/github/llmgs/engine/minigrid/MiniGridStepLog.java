package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;

/** Sees every executed action and evaluated feature of an episode, for traces and failure messages. */
public interface MiniGridStepLog {
    /** After the action's reward was collected: {@code calls} and {@code crashed} as the traces record them. */
    void action(Action action, MiniGridWorld world, double reward, boolean terminated, int calls, boolean crashed);

    void condition(Feature feature, int argument, boolean value, int calls, boolean crashed);
}
