package io.github.llmgs.llm;

import java.util.List;

/**
 * One replayed episode as a revision prompt shows it: the whole world at the start, then the
 * first steps (actions and perceptions) with the 3x3 block around the agent after each.
 *
 * @param instance     which of the run's instances (0-based) the episode is
 * @param initialWorld the whole world before the first step, as text
 * @param steps        the first steps, at most {@link #MAX_STEPS}
 * @param totalSteps   how many steps the whole episode had (more than {@code steps.size()} when cut)
 * @param episodeReturn the episode's return
 * @param meanScore    the program's mean return over all the run's instances
 */
public record EpisodeTrace(int instance, String initialWorld, List<Step> steps, int totalSteps, double episodeReturn,
                           double meanScore) {
    public static final int MAX_STEPS = 50;

    public EpisodeTrace {
        steps = List.copyOf(steps);
    }

    /**
     * One step: an action (its name; {@code result} null) or a perception (its name as the
     * program writes it, and its value), the 3x3 block after it, its reward, and the line of the
     * program's Python form that ran it (0 when unknown).
     */
    public record Step(boolean action, String name, Boolean result, String view, double reward, int line) {}
}
