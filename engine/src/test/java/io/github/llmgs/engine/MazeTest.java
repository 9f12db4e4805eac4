package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/**
 * Maze (spec/karel.md section 5), seed 0: the hero at the start (6,1) facing east, the marker at
 * (2,1), d0 = 4. Also the WHILE repeat detection of section 3, step 5.
 */
class MazeTest {
    /** Right-hand rule: in a perfect maze it reaches the marker without repeating a state. */
    static final String RIGHT_HAND = "DEF run m( WHILE c( noMarkersPresent c) w( IFELSE c( rightIsClear c) "
            + "i( turnRight move i) ELSE e( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) e) w) m)";

    @Test
    void seedZeroWorld() {
        Play.assertPicture("Maze", 0, """
                ########
                ########
                #1....##
                #.###.##
                #...#.##
                #.###.##
                #>..#.##
                ########
                """);
    }

    @Test
    void straightToTheMarkerEarnsAQuarterPerStep() {
        Play.run("Maze", 0, "DEF run m( turnLeft REPEAT R=4 r( move r) m)").expect(1.0, 5, 5, false);
    }

    @Test
    void wallFollowerSolvesEveryInstance() {
        // dense rewards telescope to (d0 - d_end) / d0 = 1 on reaching the marker
        for (int seed = 0; seed < 32; seed++) {
            Play.run("Maze", seed, RIGHT_HAND).expectReturn(1.0);
            Play.run("MazeSparse", seed, RIGHT_HAND).expectReturn(1.0);
        }
        Play.run("Maze", 0, RIGHT_HAND).expect(1.0, 19, 64, false);
    }

    @Test
    void aWhileThatRepeatsAStateCrashes() {
        // four turns bring the hero back to (6,1) facing east: the fifth check sees a recorded key
        // (calls: 5 conditions + 4 actions), the world crashes and the loop is left
        Play.run("Maze", 0, "DEF run m( WHILE c( noMarkersPresent c) w( turnLeft w) m)").expect(0.0, 4, 9, true);
    }

    @Test
    void afterACrashConditionsStillCountButActionsDoNotRun() {
        // the IF after the crashed loop still evaluates its condition (call 10); its move does not run
        Play.run("Maze", 0, "DEF run m( WHILE c( noMarkersPresent c) w( turnLeft w) IF c( frontIsClear c) i( move i) m)")
                .expect(0.0, 4, 10, true);
    }

    @Test
    void aWhileRemembersKeysAcrossEntries() {
        // each REPEAT pass runs east to the wall and turns back; the third entry of the same WHILE
        // starts at (6,1) facing east again, a key recorded on the first entry: crash
        String loop = "WHILE c( frontIsClear c) w( move w) turnLeft turnLeft";
        Play.run("Maze", 0, "DEF run m( REPEAT R=2 r( " + loop + " r) m)").expect(0.0, 8, 14, false);
        Play.run("Maze", 0, "DEF run m( REPEAT R=3 r( " + loop + " r) m)").expect(0.0, 8, 15, true);
    }
}
