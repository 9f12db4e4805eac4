package io.github.llmgs.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import io.github.llmgs.dsl.bytecode.Bytecode;
import io.github.llmgs.dsl.bytecode.Capacity;
import io.github.llmgs.dsl.bytecode.Compiler;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hostile sizes: deep nesting is refused by the parser in one line; long statement lists parse
 * and every walk over them (printer, limits, capacity, compiler, mutation) loops instead of
 * recursing. Everything runs on a 512 KiB stack ({@link SmallStack}).
 */
class DeepProgramsTest {

    /** {@code n} IFs nested inside each other around one move. */
    static String nestedIfs(int n) {
        return "DEF run m( " + "IF c( frontIsClear c) i( ".repeat(n) + "move " + "i) ".repeat(n) + "m)";
    }

    /** {@code n} moves in one statement list. */
    static String flat(int n) {
        return "DEF run m( " + "move ".repeat(n) + "m)";
    }

    @Test
    void twentyThousandNestedIfsAreOneLine() {
        SmallStack.run(() -> {
            ParseException e = assertThrows(ParseException.class, () -> Parser.parse(nestedIfs(20_000)));
            // the 101st IF starts at column 12 + 100 * 25
            assertEquals("1:2512: nesting deeper than 100 levels", e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        });
    }

    @Test
    void nestingDepthCountsEveryBodyKind() {
        String mixed = "DEF run m( " + "WHILE c( frontIsClear c) w( REPEAT R=2 r( IFELSE c( markersPresent c) i( ".repeat(34)
                + "move" + " i) ELSE e( move e) r) w)".repeat(34) + " m)";
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse(mixed));
        assertTrue(e.getMessage().endsWith(": nesting deeper than 100 levels"), e.getMessage());
    }

    @Test
    void exactlyOneHundredLevelsParseCompileAndPrint() {
        SmallStack.run(() -> {
            String source = nestedIfs(Parser.MAX_NESTING);
            Node.Program p = Parser.parse(source);
            assertEquals(source, Printer.print(p));
            assertEquals(Parser.MAX_NESTING + 1, Limits.height(p));
            assertEquals(Parser.MAX_NESTING * 6 + 5, Limits.tokens(p));
            assertEquals(Optional.empty(), Capacity.problem(p), "302 code words fit");
            Bytecode bc = Compiler.compile(p);
            assertEquals(3 * Parser.MAX_NESTING + 2, bc.length());
            assertThrows(ParseException.class, () -> Parser.parse(nestedIfs(Parser.MAX_NESTING + 1)));
        });
    }

    @Test
    void fiftyThousandStatementsParseAndEveryWalkLoops() {
        SmallStack.run(() -> {
            int n = 50_000;
            String source = flat(n);
            Node.Program p = Parser.parse(source);
            assertEquals(source, Printer.print(p));
            assertEquals(1, Limits.height(p));
            assertEquals(n, Limits.longestSequence(p));
            assertEquals(n + 4, Limits.tokens(p));
            assertEquals(1 + (n - 1) + n, Limits.nodeCount(p), "Program, the Concatenates, the moves");
            assertEquals(Optional.of("program compiles to 50001 code words; the engine holds at most 512"),
                    Capacity.problem(p));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Capacity.check(p));
            assertEquals("program compiles to 50001 code words; the engine holds at most 512", e.getMessage());
        });
    }

    @Test
    void compilerLoopsAlongLongLists() {
        SmallStack.run(() -> {
            // REPEAT_PUSH n, REPEAT_NEXT end, 400 turns, JUMP top, 105 moves, HALT: exactly 512 words
            Node.Program p = Parser.parse("DEF run m( REPEAT R=3 r( " + "turnLeft ".repeat(400) + "r) " + "move ".repeat(105) + "m)");
            assertEquals(Optional.empty(), Capacity.problem(p));
            assertEquals(512, Compiler.compile(p).length());
            Node.Program oneMore = Parser.parse("DEF run m( REPEAT R=3 r( " + "turnLeft ".repeat(400) + "r) " + "move ".repeat(106) + "m)");
            assertEquals(Optional.of("program compiles to 513 code words; the engine holds at most 512"), Capacity.problem(oneMore));
        });
    }

    @Test
    void mutationLoopsAlongLongLists() {
        SmallStack.run(() -> {
            Node.Program p = Parser.parse(flat(10_000));
            // only a replacement of the whole list or near its head gets back within Limits; that exists, so mutate ends
            Node.Program m = new Mutator().mutate(p, new SplittableRandom(7));
            assertTrue(Limits.withinLimits(m), Printer.print(m));
        });
    }

    @Test
    void capacityNeedsNoStackForTreesBuiltInCode() {
        SmallStack.run(() -> {
            // deeper than the parser allows, as a converter or a test could build it
            Node.Stmt s = new Node.Act(Action.MOVE);
            for (int i = 0; i < 20_000; i++) {
                s = new Node.If(new Node.Feature(Perception.FRONT_IS_CLEAR), s);
            }
            assertEquals(Optional.of("program compiles to 60002 code words; the engine holds at most 512"),
                    Capacity.problem(new Node.Program(s)));
        });
    }

    @Test
    void tokenCountIsBounded() {
        SmallStack.run(() -> {
            String source = flat(Parser.MAX_TOKENS); // 4 more tokens than the bound
            ParseException e = assertThrows(ParseException.class, () -> Parser.parse(source));
            // token 100,001 is the 99,998th move: column 12 + 99,997 * 5
            assertEquals("1:499997: more than 100000 tokens; a program may have at most 100000", e.getMessage());
            Parser.parse(flat(Parser.MAX_TOKENS - 4));
        });
    }

    @Test
    void leadingByteOrderMarkIsNotAToken() {
        Node.Program p = Parser.parse("\uFEFFDEF run m( move m)");
        assertEquals("DEF run m( move m)", Printer.print(p));
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse("\uFEFFDEF run m( mvoe m)"));
        assertEquals("1:12: unknown token 'mvoe'", e.getMessage(), "columns count from the first character after the mark");
        assertThrows(ParseException.class, () -> Parser.parse("DEF run m( \uFEFFmove m)"), "only a leading mark is skipped");
    }
}
