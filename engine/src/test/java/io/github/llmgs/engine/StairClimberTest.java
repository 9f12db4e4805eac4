package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/**
 * StairClimber (spec/karel.md section 5), seed 0: the hero stands on the stairs at (5,6) facing
 * east, the marker is one step up at (4,7); d0 = |5-4| + |6-7| = 2.
 */
class StairClimberTest {
    private static final String CLIMB = "DEF run m( turnLeft move turnRight move m)";

    @Test
    void seedZeroWorld() {
        Play.assertPicture("StairClimber", 0, """
                ############
                #..........#
                #.........##
                #........###
                #......1##.#
                #.....>##..#
                #.....##...#
                #....##....#
                #...##.....#
                #..##......#
                #.##.......#
                ############
                """);
    }

    @Test
    void climbingOneStepEarnsTheDistanceInTwoHalves() {
        // turnLeft 0; move to (4,6): d = 1, (2-1)/2 = 0.5; turnRight 0; move onto the marker: 0.5, end
        Play.run("StairClimber", 0, CLIMB).expect(1.0, 4, 4, false);
    }

    @Test
    void leavingTheStairsCostsOneAndEnds() {
        // up to (4,6) (+0.5, a cell above the stairs is valid), then (3,6), which is not: -1, end
        Play.run("StairClimber", 0, "DEF run m( turnLeft move move m)").expect(-0.5, 3, 3, false);
    }

    @Test
    void sparseRewardsOnlyTheMarkerOrTheFall() {
        Play.run("StairClimberSparse", 0, CLIMB).expect(1.0, 4, 4, false);
        Play.run("StairClimberSparse", 0, "DEF run m( turnLeft move move m)").expect(-1.0, 3, 3, false);
    }

    @Test
    void theMoveThatCrossesMaxCallsTurnsAroundInstead() {
        // max_calls 3: the fourth action crosses the limit, the world crashes before it runs, and
        // the LEAPS move turns the hero around (facing west at (4,6)) instead of stepping onto the marker
        Play.run("StairClimber", 0, CLIMB, 3).expect(0.5, 4, 4, true).expectFinal("""
                ############
                #..........#
                #.........##
                #........###
                #.....<1##.#
                #......##..#
                #.....##...#
                #....##....#
                #...##.....#
                #..##......#
                #.##.......#
                ############
                """);
    }
}
