package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/**
 * WallAvoider (spec/karel.md section 5): 8 rows x 5 cols; legal cells are the inner cells not next
 * to the border walls, here (2..5, 2), so M = 4.
 */
class WallAvoiderTest {
    @Test
    void seedZeroWorld() {
        Play.assertPicture("WallAvoider", 0, """
                #####
                #...#
                #.v.#
                #...#
                #...#
                #...#
                #...#
                #####
                """);
    }

    @Test
    void theHeroCanStartOnABorderWall() {
        // seed 1: s gives (0,1) facing south, no +1 offset
        Play.assertPicture("WallAvoider", 1, """
                #v###
                #...#
                #...#
                #...#
                #...#
                #...#
                #...#
                #####
                """);
        // a marker on the border cell is not on an illegal cell: +1/4
        Play.run("WallAvoider", 1, "DEF run m( putMarker m)").expect(0.25, 1, 1, false);
        // facing north, the cell ahead is outside the grid: the move turns the hero around
        Play.run("WallAvoider", 1, "DEF run m( turnLeft turnLeft move m)").expect(0.0, 3, 3, false);
        // one step south is (1,1), next to the wall: -1
        Play.run("WallAvoider", 1, "DEF run m( move putMarker m)").expect(-1.0, 2, 2, false);
    }

    @Test
    void oneMarkerOnEachLegalCellScoresOne() {
        // the fourth marker reaches n == M and ends the episode before the last move
        Play.run("WallAvoider", 0, "DEF run m( REPEAT R=4 r( putMarker move r) m)").expect(1.0, 7, 7, false);
    }

    @Test
    void aMarkerNextToTheWallEndsWithMinusOne() {
        Play.run("WallAvoider", 0, "DEF run m( move move move move putMarker m)").expect(-1.0, 5, 5, false);
    }

    @Test
    void twoMarkersOnACellEndWithMinusOne() {
        Play.run("WallAvoider", 0, "DEF run m( putMarker putMarker m)").expect(0.25 - 1, 2, 2, false);
    }
}
