package io.github.llmgs.dsl.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Vocabulary;
import org.junit.jupiter.api.Test;

class MiniGridParserErrorTest {

    private static void assertError(Vocabulary vocabulary, String source, int line, int column, String detail) {
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse(source, vocabulary));
        assertEquals(line + ":" + column + ": " + detail, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    private static void assertError(String source, int line, int column, String detail) {
        assertError(Domains.MINIGRID, source, line, column, detail);
    }

    @Test
    void aKarelProgramIsRefusedNamingItsFirstKarelWord() {
        //           1        10        20
        assertError("DEF run m( move m)", 1, 12, "unknown token 'move' (a karel action; this is a minigrid program)");
        assertError("DEF run m( WHILE c( frontIsClear c) w( forward w) m)", 1, 21,
                "unknown token 'frontIsClear' (a karel perception; this is a minigrid program)");
        assertError("DEF run m( IF c( not c( markersPresent c) c) i( left i) m)", 1, 25,
                "unknown token 'markersPresent' (a karel perception; this is a minigrid program)");
    }

    @Test
    void aMiniGridProgramIsRefusedByTheKarelParserNamingItsFirstMiniGridWord() {
        assertError(Domains.KAREL, "DEF run m( forward m)", 1, 12,
                "unknown token 'forward' (a minigrid action; this is a karel program)");
        assertError(Domains.KAREL, "DEF run m( IF c( front_object_type h( ball h) c) i( move i) m)", 1, 18,
                "unknown token 'front_object_type' (a minigrid feature; this is a karel program)");
        // the one-argument parse is Karel's
        ParseException e = assertThrows(ParseException.class,
                () -> Parser.parse("DEF run m(\n  REPEAT R=2 r( toggle r) m)"));
        assertEquals("2:17: unknown token 'toggle' (a minigrid action; this is a karel program)", e.getMessage());
    }

    @Test
    void aWordOfNoDomainIsJustUnknown() {
        assertError("DEF run m( jump m)", 1, 12, "unknown token 'jump'");
    }

    @Test
    void argumentBracketsAreRequiredWhereAFeatureTakesAnArgument() {
        //           1        10        20        30        40
        assertError("DEF run m( IF c( front_object_type c) i( forward i) m)", 1, 36,
                "expected 'h(' but found 'c)'");
        assertError("DEF run m( IF c( front_object_type h( ball c) i( forward i) m)", 1, 44,
                "expected 'h)' but found 'c)'");
        assertError("DEF run m( IF c( front_object_type h( h) c) i( forward i) m)", 1, 39,
                "expected the argument of 'front_object_type' but found 'h)'");
        assertError("DEF run m( IF c( front_object_color h(", 1, 39,
                "unexpected end of input, expected the argument of 'front_object_color'");
    }

    @Test
    void argumentBracketsAreRefusedWhereAFeatureTakesNone() {
        assertError("DEF run m( IF c( front_is_clear h( ball h) c) i( forward i) m)", 1, 33,
                "expected 'c)' but found 'h('");
        assertError("DEF run m( h( forward m)", 1, 12, "expected a statement but found 'h('");
    }

    @Test
    void theProgramShapesAreCheckedAsInKarel() {
        assertError("DEF run m( IF c( not c( not c( front_is_clear c) c) c) i( left i) m)", 1, 25,
                "expected a feature (a 'not' cannot hold another 'not') but found 'not'");
        assertError("DEF run m( REPEAT R=20 r( left r) m)", 1, 19, "REPEAT count 20 out of range 0..19");
        assertError("DEF run m(\nWHILE c( is_carrying_object c)\nw( w) m)", 3, 4,
                "expected a statement but found 'w)'");
        assertError("DEF run m( left m) right", 1, 20, "unexpected token 'right' after the closing 'm)'");
    }
}
