package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParserErrorTest {

    private static void assertError(String source, int line, int column, String detail) {
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse(source));
        assertEquals(line + ":" + column + ": " + detail, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    @Test
    void missingClosingOfProgram() {
        assertError("DEF run m( move", 1, 16, "unexpected end of input, expected 'm)'");
    }

    @Test
    void missingConditionCloser() {
        //           1        10        20        30
        assertError("DEF run m( WHILE c( frontIsClear w( move w) m)", 1, 34,
                "expected 'c)' but found 'w('");
    }

    @Test
    void unknownToken() {
        assertError("DEF run m( move foo m)", 1, 17, "unknown token 'foo'");
        assertError("DEF run m( IF c( wallAhead c) i( move i) m)", 1, 18, "unknown token 'wallAhead'");
    }

    @Test
    void repeatCountOutOfRange() {
        assertError("DEF run m( REPEAT R=20 r( move r) m)", 1, 19, "REPEAT count 20 out of range 0..19");
        assertError("DEF run m( REPEAT R=-1 r( move r) m)", 1, 19, "REPEAT count -1 out of range 0..19");
        assertError("DEF run m( REPEAT R=x r( move r) m)", 1, 19, "malformed REPEAT count 'R=x'");
        assertError("DEF run m( REPEAT r( move r) m)", 1, 19, "expected a REPEAT count 'R=n' but found 'r('");
    }

    @Test
    void emptyBody() {
        assertError("DEF run m( WHILE c( frontIsClear c) w( w) m)", 1, 40, "expected a statement but found 'w)'");
        assertError("DEF run m( m)", 1, 12, "expected a statement but found 'm)'");
    }

    @Test
    void wrongCloser() {
        assertError("DEF run m( IF c( frontIsClear c) i( move w) m)", 1, 42,
                "expected a statement or 'i)' but found 'w)'");
    }

    @Test
    void trailingTokens() {
        assertError("DEF run m( move m) move", 1, 20, "unexpected token 'move' after the closing 'm)'");
    }

    @Test
    void notOfNot() {
        assertError("DEF run m( IF c( not c( not c( frontIsClear c) c) c) i( move i) m)", 1, 25,
                "expected a perception (a 'not' cannot hold another 'not') but found 'not'");
    }

    @Test
    void actionAsCondition() {
        assertError("DEF run m( IF c( move c) i( move i) m)", 1, 18, "expected a condition but found 'move'");
    }

    @Test
    void elseAfterPlainIf() {
        assertError("DEF run m( IF c( frontIsClear c) i( move i) ELSE e( move e) m)", 1, 45,
                "expected a statement or 'm)' but found 'ELSE'");
    }

    @Test
    void missingHeader() {
        assertError("run m( move m)", 1, 1, "expected 'DEF' but found 'run'");
        assertError("", 1, 1, "unexpected end of input, expected 'DEF'");
    }

    @Test
    void multiLineInputReportsLineAndColumn() {
        String source = "DEF run m(\n"
                + "  WHILE c( frontIsClear c) w(\n"
                + "    move\n"
                + "    REPEAT R=25 r( turnLeft r)\n"
                + "  w)\n"
                + "m)\n";
        assertError(source, 4, 12, "REPEAT count 25 out of range 0..19");
        assertError("DEF run m(\r\n  move\r\n  jump\r\nm)", 3, 3, "unknown token 'jump'");
        assertError("DEF run m(\n  move\n", 2, 7, "unexpected end of input, expected 'm)'");
    }
}
