package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/**
 * DoorKey (spec/karel.md section 5), seed 0: the wall column c = 4 splits the room; the key is at
 * (5,2), the goal at (1,6), the door cells are (2,4) and (3,4); the hero at (4,2) facing east.
 */
class DoorKeyTest {
    /** Key, through the door, goal: 0.5 for the key, 0.5 for the second goal marker. */
    static final String SOLVE = "DEF run m( turnRight move pickMarker turnLeft turnLeft move move turnRight "
            + "move move move turnLeft move move turnRight move putMarker m)";

    @Test
    void seedZeroWorld() {
        Play.assertPicture("DoorKey", 0, """
                ########
                #...#.1#
                #...#..#
                #...#..#
                #.>.#..#
                #.1.#..#
                #...#..#
                ########
                """);
    }

    @Test
    void keyThenGoalScoresOne() {
        // the door cells (2,4) and (3,4) are open in the final world
        Play.run("DoorKey", 0, SOLVE).expect(1.0, 17, 17, false).expectFinal("""
                ########
                #...#.>#
                #......#
                #......#
                #...#..#
                #...#..#
                #...#..#
                ########
                """);
    }

    @Test
    void theLockedDoorIsAWall() {
        // the second move would enter the door column: blocked, the hero turns around
        Play.run("DoorKey", 0, "DEF run m( move move m)").expect(0.0, 2, 2, false).expectFinal("""
                ########
                #...#.1#
                #...#..#
                #...#..#
                #..<#..#
                #.1.#..#
                #...#..#
                ########
                """);
    }

    @Test
    void aThirdMarkerWhileLockedEndsWithMinusOne() {
        Play.run("DoorKey", 0, "DEF run m( putMarker m)").expect(-1.0, 1, 1, false);
    }

    @Test
    void aSecondMarkerOffTheGoalAfterUnlockingEndsWithMinusOne() {
        // key: +0.5; then a marker back on the key cell: n = 2 > 1 and the goal does not hold 2: -1
        Play.run("DoorKey", 0, "DEF run m( turnRight move pickMarker putMarker m)").expect(-0.5, 4, 4, false);
    }
}
