package io.github.llmgs.engine.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Every episode of episodes.jsonl (445 programs x 32 seeds) run by the oracle, {@link MiniGridWalker},
 * over {@link ProgramWrapper}, through {@link MiniGridConformance}: return (exact: all rewards are
 * multiples of 0.5), steps, calls, crash flag and terminated flag, and each program's mean.
 */
class EpisodesTest {
    @Test
    void everyEpisodeMatches() {
        assertEquals(445, Vectors.lines("episodes.jsonl").size());
        Vectors.assertCounts(Vectors.check("episodes.jsonl"), 14_240);
    }
}
