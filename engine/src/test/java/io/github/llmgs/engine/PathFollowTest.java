package io.github.llmgs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * PathFollow (spec/karel.md section 5), seed 0: a path of N0 = 11 markers from the hero's cell
 * (6,1) (its marker is under the hero) up and right to (1,6).
 */
class PathFollowTest {
    static final String FOLLOW = "DEF run m( pickMarker move pickMarker turnRight move pickMarker turnLeft move "
            + "pickMarker turnRight move pickMarker turnLeft move pickMarker turnRight move pickMarker move "
            + "pickMarker turnLeft move pickMarker move pickMarker turnRight move pickMarker m)";

    @Test
    void seedZeroWorld() {
        TaskInstance inst = Play.assertPicture("PathFollow", 0, """
                ########
                #....11#
                #....1.#
                #..111.#
                #.11...#
                #11....#
                #^.....#
                ########
                """);
        assertEquals(1, inst.markers()[6 * 8 + 1], "a marker under the hero");
    }

    @Test
    void followingThePathScoresOne() {
        Play.run("PathFollow", 0, FOLLOW).expect(1.0, 28, 28, false);
    }

    @Test
    void eachPickEarnsOneOverN0() {
        Play.run("PathFollow", 0, "DEF run m( pickMarker move pickMarker m)").expect(2.0 / 11, 3, 3, false);
    }

    @Test
    void leavingThePathEndsWithMinusOne() {
        // (6,2) is next to the path, so legal; (6,3) is not
        Play.run("PathFollow", 0, "DEF run m( turnRight move move m)").expect(-1.0, 3, 3, false);
    }

    @Test
    void puttingAMarkerEndsWithMinusOne() {
        Play.run("PathFollow", 0, "DEF run m( putMarker m)").expect(-1.0, 1, 1, false);
    }
}
