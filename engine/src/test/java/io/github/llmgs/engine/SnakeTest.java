package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/**
 * Snake (spec/karel.md section 5), seed 0: the hero at (6,2) facing east, food at (1,4). New food
 * comes from a fresh RandomState(0): its first draw (5,6) is free, so that is the next food.
 */
class SnakeTest {
    static final String EAT = "DEF run m( move move turnLeft REPEAT R=5 r( move r) m)";

    @Test
    void seedZeroWorld() {
        Play.assertPicture("Snake", 0, """
                ########
                #...1..#
                #......#
                #......#
                #......#
                #......#
                #.>....#
                ########
                """);
    }

    @Test
    void eatingTheFoodGrowsTheTailAndPlacesNewFood() {
        // the body is 3 long after eating: tail markers at (3,4) and (2,4), the hero's head at (1,4)
        Play.run("Snake", 0, EAT).expect(0.05, 8, 8, false).expectFinal("""
                ########
                #...^..#
                #...1..#
                #...1..#
                #......#
                #.....1#
                #......#
                ########
                """);
    }

    @Test
    void bitingTheTailEndsWithMinusOne() {
        // turn back into the body: -1, end (the body is not updated, (1,4) gets no marker)
        Play.run("Snake", 0, "DEF run m( move move turnLeft REPEAT R=5 r( move r) turnLeft turnLeft move m)")
                .expect(0.05 - 1, 11, 11, false).expectFinal("""
                        ########
                        #......#
                        #...v..#
                        #...1..#
                        #......#
                        #.....1#
                        #......#
                        ########
                        """);
    }
}
