package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/** Harvester (spec/karel.md section 5): N0 = 36 markers, one per inner cell. */
class HarvesterTest {
    @Test
    void seedZeroWorld() {
        Play.assertPicture("Harvester", 0, """
                ########
                #111111#
                #111111#
                #111111#
                #111111#
                #111111#
                #1>1111#
                ########
                """);
    }

    @Test
    void eachPickEarnsOneOverN0() {
        Play.run("Harvester", 0, "DEF run m( pickMarker move pickMarker m)").expect(2.0 / 36, 3, 3, false);
    }

    @Test
    void bottomRowSweep() {
        // picks at (6,2)..(6,6); the sixth move hits the wall and turns around; the sixth pick is on an empty cell
        Play.run("Harvester", 0, "DEF run m( REPEAT R=6 r( pickMarker move r) m)").expect(5.0 / 36, 12, 12, false);
    }

    @Test
    void puttingAMarkerEndsWithMinusOne() {
        Play.run("Harvester", 0, "DEF run m( putMarker m)").expect(-1.0, 1, 1, false);
        // dense: after a pick prev = 35, so putting it back (36 > 35) ends the episode
        Play.run("Harvester", 0, "DEF run m( pickMarker putMarker m)").expect(1.0 / 36 - 1, 2, 2, false);
    }

    @Test
    void sparseNeverUpdatesPrev() {
        // sparse: prev stays N0 = 36, so a pick then a put (36 > 36 is false) goes on, reward 0 ...
        Play.run("HarvesterSparse", 0, "DEF run m( pickMarker putMarker move m)").expect(0.0, 3, 3, false);
        // ... and only a 37th marker ends it
        Play.run("HarvesterSparse", 0, "DEF run m( pickMarker putMarker putMarker m)").expect(-1.0, 3, 3, false);
    }
}
