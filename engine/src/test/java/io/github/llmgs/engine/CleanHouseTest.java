package io.github.llmgs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * CleanHouse (spec/karel.md section 5): the fixed 14 x 22 house, the hero at (1,13) facing south,
 * N0 = 11 markers. And the WHILE key's digit-string collision of section 3, step 5: (1,13) and
 * (11,3) both write "113".
 */
class CleanHouseTest {
    /** From (1,13) down, west along row 3, then south to (11,3), facing south. */
    static final String WALK = "move move turnRight REPEAT R=9 r( move r) turnLeft move turnRight move turnLeft "
            + "REPEAT R=7 r( move r)";

    @Test
    void seedZeroWorld() {
        Play.assertPicture("CleanHouse", 0, """
                ######################
                #..##########v#......#
                #..#...1....1.#####.##
                ##.#............1...##
                ##........#....1....##
                ###.#.###.#..###.#1###
                #...#...#....#...#.1##
                #...#...#...1#...#...#
                #...#...#....#...##.1#
                #...#...##..##...##.##
                #...#...##..##...#..##
                #...#1..##1.##...#..##
                #..1#...##..##...#..##
                ######################
                """);
    }

    @Test
    void pickingTheExtraMarkerEarnsOneOverN0() {
        Play.run("CleanHouse", 0, "DEF run m( move turnRight move pickMarker m)").expect(1.0 / 11, 4, 4, false);
    }

    @Test
    void statesAtOneThirteenAndElevenThreeHaveTheSameKey() {
        World w = new World(14, 22);
        w.load(Tasks.byName("CleanHouse").generate(0), TreeWalker.DEFAULT_MAX_CALLS);
        String start = w.stateDigits();
        long startKey = w.stateKey();
        w.row = 11;
        w.col = 3;
        assertEquals(start, w.stateDigits());
        assertEquals(startKey, w.stateKey());
        w.col = 4;
        assertNotEquals(start, w.stateDigits());
    }

    @Test
    void walkingFromOneThirteenToElevenThreeInsideAWhileCrashes() {
        // the second check of the loop sees "1132..." again: crash after 24 actions and 2 conditions
        Play.run("CleanHouse", 0, "DEF run m( WHILE c( frontIsClear c) w( " + WALK + " w) m)").expect(0.0, 24, 26, true)
                .expectFinal("""
                        ######################
                        #..##########.#......#
                        #..#...1....1.#####.##
                        ##.#............1...##
                        ##........#....1....##
                        ###.#.###.#..###.#1###
                        #...#...#....#...#.1##
                        #...#...#...1#...#...#
                        #...#...#....#...##.1#
                        #...#...##..##...##.##
                        #...#...##..##...#..##
                        #..v#1..##1.##...#..##
                        #..1#...##..##...#..##
                        ######################
                        """);
        Play.run("CleanHouseSparse", 0, "DEF run m( WHILE c( frontIsClear c) w( " + WALK + " w) m)").expect(0.0, 24, 26, true);
    }

    @Test
    void facingAnotherWayTheKeysDiffer() {
        // one more turn: (11,3) facing east writes "1131", no crash; the wall ahead ends the loop
        Play.run("CleanHouse", 0, "DEF run m( WHILE c( frontIsClear c) w( " + WALK + " turnLeft w) m)")
                .expect(0.0, 25, 27, false);
    }
}
