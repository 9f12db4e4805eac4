package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The quirks of spec/minigrid.md section 10, one small scene each. The vectors cover them all;
 * these name them, so a regression says which rule broke.
 */
class QuirksTest {
    /** Puts the agent at (x, y) facing dir, as if it had walked there. */
    private static void pose(MiniGridWorld w, int x, int y, int dir) {
        w.agentX = x;
        w.agentY = y;
        w.agentDir = dir;
        w.agentPosIsArray = false;
    }

    @Test
    void lavaGapGoalAtStep160PaysMinusOne() {
        assertEquals(0.0, 1 - 0.9 * (160.0 / 144));
        for (int step : new int[] {159, 160, 161}) {
            MiniGridWorld w = MiniGridWorld.generate(LavaGap.INSTANCE, 0);
            pose(w, 4, 3, 1);
            w.stepCount = step - 1;
            w.step(Action.FORWARD);
            assertTrue(w.terminated);
            assertEquals(step == 160 ? -1.0 : 1.0, w.reward, "goal entered at step " + step);
        }
    }

    @Test
    void lavaIsClearAndRedAndEndsTheEpisodeWithMinusOne() {
        // seed 0: lava at (3,1), (3,2), (3,4); the gap at (3,3)
        MiniGridWorld w = MiniGridWorld.generate(LavaGap.INSTANCE, 0);
        w.step(Action.FORWARD);
        assertTrue(w.frontIsClear());
        assertTrue(w.frontObjectType(ObjectType.LAVA));
        assertTrue(w.frontObjectColor(Color.RED));
        assertFalse(w.frontObjectType(Arguments.index(Feature.FRONT_OBJECT_TYPE, "red")));
        w.step(Action.FORWARD);
        assertEquals(3, w.agentX);
        assertTrue(w.terminated);
        assertEquals(-1.0, w.reward);
    }

    @Test
    void lavaGapStartPoseReachedAgainIsANewState() {
        MiniGridWorld w = MiniGridWorld.generate(LavaGap.INSTANCE, 0);
        StateKey start = w.stateKey();
        w.step(Action.LEFT);
        w.step(Action.LEFT);
        w.step(Action.LEFT);
        w.step(Action.LEFT);
        assertEquals(start, w.stateKey(), "turning keeps the array form");
        w.step(Action.FORWARD);
        w.step(Action.LEFT);
        w.step(Action.LEFT);
        w.step(Action.FORWARD);
        w.step(Action.LEFT);
        w.step(Action.LEFT);
        assertEquals(1, w.agentX);
        assertEquals(0, w.agentDir);
        assertNotEquals(start, w.stateKey(), "after the first move the position is a tuple");
    }

    @Test
    void redRewardIsPaidOnceAndBlueWhileRedIsClosedPaysMinusOne() {
        // seed 0: red door (3,1), blue door (8,1)
        MiniGridWorld w = MiniGridWorld.generate(RedBlueDoor.INSTANCE, 0);
        pose(w, 4, 1, 2);
        double[] rewards = new double[3];
        for (int i = 0; i < 3; i++) {
            w.step(Action.TOGGLE);
            rewards[i] = w.reward;
            assertFalse(w.terminated);
        }
        assertEquals(0.5, rewards[0]);
        assertEquals(0.0, rewards[1], "closing red");
        assertEquals(0.0, rewards[2], "reopening red");
        w.step(Action.TOGGLE);
        assertFalse(w.isDoorOpen(3, 1));
        pose(w, 7, 1, 0);
        w.step(Action.TOGGLE);
        assertTrue(w.terminated);
        assertEquals(-1.0, w.reward);
    }

    @Test
    void putNearBlockedDropTerminatesAndToggledBoxVanishes() {
        // seed 0: yellow ball (3,3), green box (1,4), agent (4,4) facing north
        MiniGridWorld w = MiniGridWorld.generate(PutNear.INSTANCE, 0);
        pose(w, 2, 4, 2);
        w.step(Action.TOGGLE);
        assertTrue(w.isEmpty(1, 4), "the box is replaced by its (empty) content");
        assertFalse(w.terminated);
        pose(w, 3, 2, 1);
        w.step(Action.PICKUP);
        assertEquals(0.5, w.reward);
        assertEquals("ball:yellow", w.carryingText());
        w.step(Action.PICKUP);
        assertEquals(0.0, w.reward, "a pickup while holding the ball pays nothing and goes on");
        assertFalse(w.terminated);
        pose(w, 3, 1, 3);
        w.step(Action.DROP);
        assertTrue(w.terminated, "a drop against the wall still ends the episode");
        assertEquals(0.0, w.reward);
        assertTrue(w.isCarryingObject());
    }

    @Test
    void putNearDropNearTheVanishedBoxStillPays() {
        MiniGridWorld w = MiniGridWorld.generate(PutNear.INSTANCE, 0);
        pose(w, 2, 4, 2);
        w.step(Action.TOGGLE);
        pose(w, 3, 2, 1);
        w.step(Action.PICKUP);
        pose(w, 2, 3, 2);
        w.step(Action.DROP);
        assertTrue(w.terminated);
        assertEquals(0.5, w.reward, "(1,3) is next to the box's generation position (1,4)");
        assertEquals(ObjectType.BALL, w.typeAt(1, 3));
    }

    @Test
    void putNearPickingUpTheBoxEndsWithMinusOne() {
        MiniGridWorld w = MiniGridWorld.generate(PutNear.INSTANCE, 0);
        pose(w, 2, 4, 2);
        w.step(Action.PICKUP);
        assertTrue(w.terminated);
        assertEquals(-1.0, w.reward);
    }

    @Test
    void truncationIsIgnored() {
        ProgramWrapper wrapper = ProgramWrapper.of(PutNear.INSTANCE, 0);
        for (int i = 0; i < 40; i++) wrapper.act(Action.LEFT);
        assertFalse(wrapper.over());
        assertEquals(new EpisodeResult(0.0, 40, 40, false, false), wrapper.result());
    }

    @Test
    void theActionReachingTheLimitRunsAndConditionsCountAfterTheCrash() {
        ProgramWrapper wrapper = new ProgramWrapper(MiniGridWorld.generate(LavaGap.INSTANCE, 0), 3);
        wrapper.sense(Feature.FRONT_IS_CLEAR, -1);
        wrapper.sense(Feature.IS_CARRYING_OBJECT, -1);
        assertFalse(wrapper.crashed());
        wrapper.act(Action.FORWARD);
        assertTrue(wrapper.crashed());
        assertEquals(2, wrapper.world().agentX, "the limit-reaching forward was executed");
        wrapper.act(Action.FORWARD);
        assertEquals(2, wrapper.world().agentX, "later actions are skipped");
        assertTrue(wrapper.sense(Feature.FRONT_OBJECT_TYPE, ObjectType.LAVA));
        assertEquals(new EpisodeResult(0.0, 1, 4, true, false), wrapper.result());
    }

    @Test
    void aWhileHeadRepeatCrashesAndTerminationEndsTheWalk() {
        ProgramWrapper wrapper = ProgramWrapper.of(LavaGap.INSTANCE, 0);
        Set<StateKey> history = new HashSet<>();
        assertFalse(wrapper.whileHeadRepeats(history));
        assertTrue(wrapper.whileHeadRepeats(history));
        assertTrue(wrapper.crashed());

        ProgramWrapper ending = ProgramWrapper.of(LavaGap.INSTANCE, 1);
        ending.act(Action.FORWARD); // seed 1: lava at (2,1)
        assertTrue(ending.over());
        assertEquals(new EpisodeResult(-1.0, 1, 1, true, true), ending.result());
        assertThrows(IllegalStateException.class, () -> ending.sense(Feature.FRONT_IS_CLEAR, -1));
        assertThrows(IllegalStateException.class, () -> ending.act(Action.LEFT));
    }
}
