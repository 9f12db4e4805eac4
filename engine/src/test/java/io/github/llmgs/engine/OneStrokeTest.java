package io.github.llmgs.engine;

import org.junit.jupiter.api.Test;

/** OneStroke (spec/karel.md section 5): M = 35; every cell left behind becomes a wall. */
class OneStrokeTest {
    @Test
    void seedZeroWorld() {
        Play.assertPicture("OneStroke", 0, """
                ########
                #......#
                #......#
                #......#
                #......#
                #......#
                #....>.#
                ########
                """);
    }

    @Test
    void eachNewCellEarnsOneOverM() {
        // move +1/35; turnLeft stays (0); move +1/35
        Play.run("OneStroke", 0, "DEF run m( move turnLeft move m)").expect(2.0 / 35, 3, 3, false);
    }

    @Test
    void theCellLeftBehindIsAWall() {
        // back towards the start cell: it is a wall now, so the move turns the hero around (reward 0)
        Play.run("OneStroke", 0, "DEF run m( move turnLeft turnLeft move m)").expect(1.0 / 35, 4, 4, false)
                .expectFinal("""
                        ########
                        #......#
                        #......#
                        #......#
                        #......#
                        #......#
                        #....#>#
                        ########
                        """);
    }
}
