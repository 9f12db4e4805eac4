package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void conformanceProgramsPrintBackByteForByte() throws IOException {
        assertRoundTrips(TestPrograms.load("episodes-programs.txt"), 1552);
    }

    @Test
    void benchNeighbourhoodPrintsBackByteForByte() throws IOException {
        assertRoundTrips(TestPrograms.load("neighborhood-1024.txt"), 1024);
    }

    private static void assertRoundTrips(List<String> programs, int expectedCount) {
        assertEquals(expectedCount, programs.size());
        for (String text : programs) {
            Node.Program p = Parser.parse(text);
            assertEquals(text, Printer.print(p));
            // Printed token count must agree with the Limits arithmetic, which never prints.
            assertEquals(text.split(" ").length, Limits.tokens(p), text);
        }
    }

    @Test
    void statementListsBecomeRightNestedChains() {
        Node.Program p = Parser.parse("DEF run m( move turnLeft pickMarker m)");
        Node.Stmt expected = new Node.Concatenate(new Node.Act(Action.MOVE),
                new Node.Concatenate(new Node.Act(Action.TURN_LEFT), new Node.Act(Action.PICK_MARKER)));
        assertEquals(new Node.Program(expected), p);
    }

    @Test
    void parsesEveryConstruct() {
        String text = "DEF run m( WHILE c( frontIsClear c) w( move w) IFELSE c( not c( markersPresent c) c)"
                + " i( turnLeft i) ELSE e( pickMarker e) REPEAT R=5 r( move r) m)";
        Node.Program p = Parser.parse(text);
        Node.Concatenate top = assertInstanceOf(Node.Concatenate.class, p.body());
        assertEquals(new Node.While(new Node.Feature(Perception.FRONT_IS_CLEAR), new Node.Act(Action.MOVE)),
                top.first());
        Node.Concatenate second = assertInstanceOf(Node.Concatenate.class, top.rest());
        assertEquals(new Node.Ite(new Node.Not(new Node.Feature(Perception.MARKERS_PRESENT)),
                new Node.Act(Action.TURN_LEFT), new Node.Act(Action.PICK_MARKER)), second.first());
        assertEquals(new Node.Repeat(new Node.ConstInt(5), new Node.Act(Action.MOVE)), second.rest());
        assertEquals(text, Printer.print(p));
    }

    @Test
    void acceptsAnyWhitespaceBetweenTokens() {
        Node.Program p = Parser.parse("  DEF\trun m(\n  IF c( not c( leftIsClear c) c)\r\n i( putMarker i)\nm)\n");
        assertEquals("DEF run m( IF c( not c( leftIsClear c) c) i( putMarker i) m)", Printer.print(p));
    }

    @Test
    void repeatBoundsAreAccepted() {
        assertEquals("DEF run m( REPEAT R=0 r( move r) REPEAT R=19 r( move r) m)",
                Printer.print(Parser.parse("DEF run m( REPEAT R=0 r( move r) REPEAT R=19 r( move r) m)")));
    }

    @Test
    void printsSubtrees() {
        assertEquals("not c( noMarkersPresent c)",
                Printer.print(new Node.Not(new Node.Feature(Perception.NO_MARKERS_PRESENT))));
        assertFalse(Printer.print(new Node.ConstInt(7)).contains(" "));
    }
}
