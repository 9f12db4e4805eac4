package io.github.llmgs.dsl.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.Vocabulary;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BytecodeTest {
    private static Bytecode compile(String program) {
        return Compiler.compile(Parser.parse(program));
    }

    /** Compiled with another domain's vocabulary (Karel by default), a program is a clear refusal. */
    @Test
    void aProgramOfAnotherDomainIsRefused() {
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class,
                () -> Compiler.compile(Parser.parse("DEF run m( forward m)", Domains.MINIGRID)));
        assertEquals("'forward' is not a karel action", action.getMessage());
        IllegalArgumentException feature = assertThrows(IllegalArgumentException.class, () -> Compiler.compile(
                Parser.parse("DEF run m( IF c( front_object_type h( ball h) c) i( left i) m)", Domains.MINIGRID)));
        assertEquals("'front_object_type' is not a karel perception", feature.getMessage());
        IllegalArgumentException karel = assertThrows(IllegalArgumentException.class,
                () -> Compiler.compile(Parser.parse("DEF run m( move m)"), Domains.MINIGRID));
        assertEquals("'move' is not a minigrid action", karel.getMessage());
    }

    /**
     * The same opcodes carry MiniGrid: an action is its id, a feature with an argument carries
     * the word's value + 1 above the feature id, and a word that names nothing carries 0 there.
     */
    @Test
    void compilesMiniGridWithTheSameOpcodes() {
        String src = "DEF run m( WHILE c( not c( front_object_type h( ball h) c) c) w( forward w) "
                + "IFELSE c( front_object_color h( blue h) c) i( toggle i) ELSE e( pickup e) "
                + "IF c( front_object_type h( banana h) c) i( left i) IF c( is_carrying_object c) i( drop i) m)";
        Bytecode bc = Compiler.compile(Parser.parse(src, Domains.MINIGRID), Domains.MINIGRID);
        String expected = """
                   0  JUMP_IF      front_object_type h( ball h) -> 9
                   3  WHILE_CHECK  #0 -> 9
                   6  ACT          forward
                   7  JUMP         -> 0
                   9  JUMP_IF_NOT  front_object_color h( blue h) -> 15
                  12  ACT          toggle
                  13  JUMP         -> 16
                  15  ACT          pickup
                  16  JUMP_IF_NOT  front_object_type h( <no such word> h) -> 20
                  19  ACT          left
                  20  JUMP_IF_NOT  is_carrying_object -> 24
                  23  ACT          drop
                  24  HALT
                """;
        assertEquals(expected, strip(Disassembler.disassemble(bc)));
        assertEquals(1 | 7 << Vocabulary.FEATURE_BITS, bc.code()[1], "ball is type 6, + 1");
        assertEquals(2 | 3 << Vocabulary.FEATURE_BITS, bc.code()[10], "blue is colour 2, + 1");
        assertEquals(1, bc.code()[17], "banana names nothing: 0 above the feature id");
        assertEquals(3, bc.code()[21]);
        assertEquals(List.of(Opcode.act(2), Opcode.act(5), Opcode.act(3), Opcode.act(0), Opcode.act(4)),
                List.of(bc.code()[6], bc.code()[12], bc.code()[15], bc.code()[19], bc.code()[23]));
        assertEquals(Opcode.Code.ACT | 2 << Opcode.OPCODE_BITS, bc.code()[6], "the action id rides in the ACT word");
        // a Karel verifier refuses MiniGrid operands and the other way round
        assertThrows(VerifyException.class, () -> Verifier.verify(new Bytecode(bc.code(), 1, bc.sourceMap(), Domains.KAREL)));
        // a value past the feature's word list, or an argument on a feature that takes none, is no condition
        for (int condition : new int[] {1 | 12 << Vocabulary.FEATURE_BITS, 2 | 7 << Vocabulary.FEATURE_BITS,
                1 << Vocabulary.FEATURE_BITS, 3 | 1 << Vocabulary.FEATURE_BITS, 4, -1}) {
            int[] code = {Opcode.Code.JUMP_IF_NOT, condition, 4, Opcode.act(0), Opcode.Code.HALT};
            VerifyException e = assertThrows(VerifyException.class,
                    () -> Verifier.verify(new Bytecode(code, 0, new int[code.length], Domains.MINIGRID)));
            assertTrue(e.getMessage().contains("is not a minigrid condition"), e.getMessage());
        }
        int[] edge = {Opcode.Code.JUMP_IF_NOT, 1 | 11 << Vocabulary.FEATURE_BITS, 4, Opcode.act(5), Opcode.Code.HALT};
        Verifier.verify(new Bytecode(edge, 0, new int[edge.length], Domains.MINIGRID)); // "agent", the last type word
        assertEquals("front_object_type h( agent h)", Domains.MINIGRID.conditionText(edge[1]));
        Bytecode karel = compile("DEF run m( IF c( noMarkersPresent c) i( pickMarker i) m)");
        assertThrows(VerifyException.class,
                () -> Verifier.verify(new Bytecode(karel.code(), 0, karel.sourceMap(), Domains.MINIGRID)));
    }

    @Test
    void everyRandomMiniGridProgramCompilesAndVerifies() {
        Grammar g = new Grammar(Domains.MINIGRID);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 20_000; i++) {
            var p = g.randomProgram(rng);
            Bytecode bc = Compiler.compile(p, Domains.MINIGRID);
            assertTrue(bc.length() <= Opcode.MAX_CODE_LENGTH, Printer.print(p));
        }
    }

    private static String strip(String dis) {
        return dis.lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    @Test
    void compilesEveryShapeToTheDocumentedLayout() {
        Bytecode bc = compile("DEF run m( WHILE c( not c( frontIsClear c) c) w( REPEAT R=2 r( move r) w) "
                + "IFELSE c( markersPresent c) i( pickMarker i) ELSE e( turnLeft e) m)");
        String expected = """
                   0  JUMP_IF      frontIsClear -> 15
                   3  WHILE_CHECK  #0 -> 15
                   6  REPEAT_PUSH  2
                   8  REPEAT_NEXT  -> 13
                  10  ACT          move
                  11  JUMP         -> 8
                  13  JUMP         -> 0
                  15  JUMP_IF_NOT  markersPresent -> 21
                  18  ACT          pickMarker
                  19  JUMP         -> 22
                  21  ACT          turnLeft
                  22  HALT
                """;
        String dis = Disassembler.disassemble(bc).lines().map(String::stripTrailing).collect(
                java.util.stream.Collectors.joining("\n", "", "\n"));
        assertEquals(expected, dis);
        assertEquals(1, bc.whileCount());
    }

    @Test
    void sourceMapPointsAtTheTokenOfEachStatement() {
        String src = "DEF run m( move IF c( frontIsClear c) i( turnLeft i) m)";
        Bytecode bc = compile(src);
        String[] tokens = src.split(" ");
        String dis = Disassembler.disassemble(bc, tokens);
        assertTrue(dis.contains("; move (token 3)") && dis.contains("; ELSE") == false, dis);
        assertTrue(dis.contains("; turnLeft (token 9)"), dis);
    }

    @Test
    void everyRandomProgramCompilesAndVerifies() {
        Grammar g = new Grammar();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            var p = g.randomProgram(rng);
            Bytecode bc = Compiler.compile(p);
            assertTrue(bc.length() <= Opcode.MAX_CODE_LENGTH, Printer.print(p));
        }
    }

    @Test
    void verifierRejectsMalformedCode() {
        assertRejects(new int[] {}, "code length 0");
        assertRejects(new int[] {99}, "unknown opcode 99");
        assertRejects(new int[] {Opcode.act(0)}, "does not end with HALT");
        assertRejects(new int[] {Opcode.act(5), Opcode.Code.HALT}, "action 5 is not a karel action");
        assertRejects(new int[] {Opcode.Code.HALT | 1 << Opcode.OPCODE_BITS}, "unknown opcode 256");
        assertRejects(new int[] {Opcode.Code.JUMP}, "truncated");
        assertRejects(new int[] {Opcode.Code.JUMP, 7, Opcode.Code.HALT}, "jump target 7");
        assertRejects(new int[] {Opcode.Code.JUMP_IF_NOT, 0, 1, Opcode.Code.HALT}, "jump target 1 is not an instruction");
        assertRejects(new int[] {Opcode.Code.JUMP_IF_NOT, 9, 3, Opcode.Code.HALT}, "condition 9 is not a karel condition");
        assertRejects(new int[] {Opcode.Code.JUMP_IF_NOT, 1 << Vocabulary.FEATURE_BITS, 3, Opcode.Code.HALT},
                "condition 16 is not a karel condition");
        assertRejects(new int[] {Opcode.Code.REPEAT_PUSH, 20, Opcode.Code.HALT}, "repeat count 20");
        assertRejects(new int[] {Opcode.Code.REPEAT_NEXT, 2, Opcode.Code.HALT}, "REPEAT_NEXT with no counter");
        assertRejects(new int[] {Opcode.Code.WHILE_CHECK, 0, 3, Opcode.Code.HALT}, "while id 0");
        assertThrows(VerifyException.class, () -> Verifier.verify(new Bytecode(new int[] {Opcode.Code.HALT}, -1, new int[1])));
        // loops that cost nothing, or that a crashed world could never leave, would hang a kernel
        assertRejects(new int[] {Opcode.Code.JUMP, 0, Opcode.Code.HALT}, "backward jump to 0");
        assertRejects(new int[] {Opcode.act(0), Opcode.Code.JUMP_IF_NOT, 0, 6, Opcode.Code.JUMP, 1, Opcode.Code.HALT},
                "backward jump to 1");
        assertRejects(new int[] {Opcode.act(0), Opcode.Code.JUMP_IF, 0, 0, Opcode.Code.HALT}, "may only jump forward");
    }

    private static void assertRejects(int[] code, String message) {
        VerifyException e = assertThrows(VerifyException.class,
                () -> Verifier.verify(new Bytecode(code, 0, new int[code.length])));
        assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
    }

    @Test
    void opcodeNumbersAreStableAndUnique() {
        assertEquals(0, Opcode.HALT.number);
        assertEquals(7, Opcode.REPEAT_NEXT.number);
        for (Opcode op : Opcode.values()) {
            assertEquals(op, Opcode.of(op.number));
        }
        String header = Opcode.openClHeader();
        assertTrue(header.contains("#define OP_WHILE_CHECK   5"));
        // every domain's action and feature ids are in the header, under the domain's name
        assertTrue(header.contains("#define KAREL_ACTION_TURN_LEFT 1") && header.contains("#define KAREL_FEATURE_NO_MARKERS_PRESENT 4")
                && header.contains("#define MINIGRID_ACTION_TOGGLE 5") && header.contains("#define MINIGRID_FEATURE_IS_CARRYING_OBJECT 3"),
                header);
    }
}
