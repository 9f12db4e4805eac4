package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/** FourCorners and Seeder (spec/karel.md section 5), small cases. */
class FourCornersSeederTest {
    @Test
    void fourCornersSeedZeroWorld() {
        Play.assertPicture("FourCorners", 0, """
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
                #.....>....#
                ############
                """);
    }

    @Test
    void aCornerMarkerEarnsAQuarter() {
        // east to (10,10), the corner (H-2, W-2): +1/4
        Play.run("FourCorners", 0, "DEF run m( REPEAT R=4 r( move r) putMarker m)").expect(0.25, 5, 5, false);
        Play.run("FourCornersSparse", 0, "DEF run m( REPEAT R=4 r( move r) putMarker m)").expect(0.0, 5, 5, false);
    }

    @Test
    void aMarkerOffTheCornersEndsWithMinusOne() {
        Play.run("FourCorners", 0, "DEF run m( putMarker m)").expect(-1.0, 1, 1, false);
        Play.run("FourCornersSparse", 0, "DEF run m( putMarker m)").expect(-1.0, 1, 1, false);
    }

    @Test
    void seederRewardsOneMarkerPerCell() {
        // M = 36: +1/36 per new marker; a second marker on a cell: -1, end
        Play.run("Seeder", 0, "DEF run m( putMarker move putMarker m)").expect(2.0 / 36, 3, 3, false);
        Play.run("Seeder", 0, "DEF run m( putMarker putMarker m)").expect(1.0 / 36 - 1, 2, 2, false);
    }
}
