package io.github.llmgs.search.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgramLayoutTest {
    @Test
    void bodiesAreIndentedAndConditionsStayOnTheirLine() {
        String p = "DEF run m( WHILE c( not c( frontIsClear c) c) w( turnLeft w) IFELSE c( markersPresent c) i( pickMarker i)"
                + " ELSE e( REPEAT R=3 r( move r) e) m)";
        assertEquals("""
                DEF run m(
                  WHILE c( not c( frontIsClear c) c) w(
                    turnLeft
                  w)
                  IFELSE c( markersPresent c) i(
                    pickMarker
                  i) ELSE e(
                    REPEAT R=3 r(
                      move
                    r)
                  e)
                m)
                """, ProgramLayout.indent(p));
    }

    @Test
    void miniGridFeaturesWithArgumentsAndNothing() {
        assertEquals("DEF run m(\n  IF c( front_object_type h( ball h) c) i(\n    pickup\n  i)\nm)\n",
                ProgramLayout.indent("DEF run m( IF c( front_object_type h( ball h) c) i( pickup i) m)"));
        assertEquals("", ProgramLayout.indent(null));
    }
}
