package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/** TopOff (spec/karel.md section 5): bring every goal marker of the bottom row to exactly two. */
class TopOffTest {
    static final String TOP_OFF_ALL = "DEF run m( WHILE c( frontIsClear c) w( move IF c( markersPresent c) i( putMarker i) w) m)";

    @Test
    void seedWorlds() {
        // seed 0: k = 6 goals; seed 1: k = 1 goal at (10,10)
        Play.assertPicture("TopOff", 0, """
                ############
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #>.11.1.111#
                ############
                """);
        Play.assertPicture("TopOff", 1, """
                ############
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #..........#
                #>........1#
                ############
                """);
    }

    @Test
    void toppingOffTheOnlyGoalEndsWithOne() {
        Play.run("TopOff", 1, "DEF run m( REPEAT R=9 r( move r) putMarker m)").expect(1.0, 10, 10, false);
    }

    @Test
    void eachGoalToppedOffEarnsOneOverK() {
        // 9 loop passes of 3 calls (check, move, IF) plus 6 puts; the last put ends the episode
        Play.run("TopOff", 0, TOP_OFF_ALL).expect(1.0, 15, 33, false);
        Play.run("TopOffSparse", 0, TOP_OFF_ALL).expect(1.0, 15, 33, false);
    }

    @Test
    void emptyingAGoalEndsWithMinusOne() {
        Play.run("TopOff", 1, "DEF run m( REPEAT R=9 r( move r) pickMarker m)").expect(-1.0, 10, 10, false);
    }

    @Test
    void aMarkerOffTheGoalsEndsWithMinusOne() {
        // n = 2 > correct + k = 0 + 1
        Play.run("TopOff", 1, "DEF run m( putMarker m)").expect(-1.0, 1, 1, false);
        Play.run("TopOffSparse", 1, "DEF run m( putMarker m)").expect(-1.0, 1, 1, false);
    }
}
