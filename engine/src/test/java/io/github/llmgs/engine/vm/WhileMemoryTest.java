package io.github.llmgs.engine.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two tiers answer as one set of digests, within an episode and from one episode to the next. */
class WhileMemoryTest {
    @Test
    void answersAsASetOfDigestsWhateverTheTier() {
        WhileMemory memory = new WhileMemory(1000);
        SplittableRandom rng = new SplittableRandom(3);
        for (int episode = 0; episode < 300; episode++) {
            memory.newEpisode();
            Set<Long> seen = new HashSet<>();
            // short episodes stay in the small tier; long ones move to the large table mid-way
            int records = episode % 3 == 0 ? rng.nextInt(900) : rng.nextInt(WhileMemory.SMALL_LIMIT + 2);
            // few distinct keys and loops, so that repeats are common
            int keys = 1 + rng.nextInt(2 * records + 1);
            for (int r = 0; r < records; r++) {
                int loop = rng.nextInt(3);
                long key = rng.nextInt(keys);
                boolean fresh = seen.add(WhileMemory.whileDigest(loop, key));
                assertEquals(fresh, memory.record(loop, key), "episode " + episode + ", record " + r + ": loop " + loop + " key " + key);
            }
        }
    }

    @Test
    void theDigestThatFillsTheSmallTierMovesTheSetWithNothingLost() {
        // the digest past the limit goes in before the move, so the small table needs a slot to spare
        assertEquals(true, WhileMemory.SMALL_LIMIT + 1 < WhileMemory.SMALL_SLOTS);
        WhileMemory memory = new WhileMemory(100);
        for (int key = 0; key <= WhileMemory.SMALL_LIMIT; key++) assertEquals(true, memory.record(0, key));
        for (int key = 0; key <= WhileMemory.SMALL_LIMIT; key++) assertEquals(false, memory.record(0, key), "key " + key);
        memory.newEpisode();
        for (int key = 0; key <= WhileMemory.SMALL_LIMIT; key++) assertEquals(true, memory.record(0, key), "a new episode forgets");
    }
}
