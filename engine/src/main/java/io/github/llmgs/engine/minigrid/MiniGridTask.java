package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;

/**
 * A MiniGrid task of LLM-GS: its grid size, how {@code reset(seed)} generates an instance (in
 * RNG-call order) and its reward override on top of the base step. Implementations are
 * stateless; per-episode state lives in the {@link MiniGridWorld}. One file per task.
 */
public interface MiniGridTask {
    /** As the reference spells it: {@code LavaGap}, {@code RedBlueDoor}, {@code PutNear}. */
    String name();

    /** One line for {@code llmgs tasks}. */
    String description();

    int width();

    int height();

    /** Enters only the goal-reward formula: the wrapper ignores truncation. */
    int maxSteps();

    /** Fills a fresh world (all cells empty, agent at (-1, -1)) as the task's {@code _gen_grid}. */
    void generate(MiniGridWorld world, Generator rng);

    /** One step: {@link MiniGridWorld#baseStep} and this task's override of reward and termination. */
    void step(MiniGridWorld world, Action action);
}
