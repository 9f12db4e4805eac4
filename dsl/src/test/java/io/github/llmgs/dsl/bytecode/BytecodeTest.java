package io.github.llmgs.dsl.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BytecodeTest {
    private static Bytecode compile(String program) {
        return Compiler.compile(Parser.parse(program));
    }

    /** Until the opcodes are domain-neutral, a MiniGrid program is a clear refusal, never Karel code. */
    @Test
    void aProgramOfAnotherDomainIsRefused() {
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class,
                () -> Compiler.compile(Parser.parse("DEF run m( forward m)", Domains.MINIGRID)));
        assertEquals("the bytecode has only Karel's actions, not 'forward'", action.getMessage());
        IllegalArgumentException feature = assertThrows(IllegalArgumentException.class, () -> Compiler.compile(
                Parser.parse("DEF run m( IF c( front_object_type h( ball h) c) i( left i) m)", Domains.MINIGRID)));
        assertEquals("the bytecode has only Karel's perceptions, not 'front_object_type'", feature.getMessage());
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
                  10  MOVE
                  11  JUMP         -> 8
                  13  JUMP         -> 0
                  15  JUMP_IF_NOT  markersPresent -> 21
                  18  PICK_MARKER
                  19  JUMP         -> 22
                  21  TURN_LEFT
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
        assertRejects(new int[] {Opcode.Code.MOVE}, "does not end with HALT");
        assertRejects(new int[] {Opcode.Code.JUMP}, "truncated");
        assertRejects(new int[] {Opcode.Code.JUMP, 7, Opcode.Code.HALT}, "jump target 7");
        assertRejects(new int[] {Opcode.Code.JUMP_IF_NOT, 0, 1, Opcode.Code.HALT}, "jump target 1 is not an instruction");
        assertRejects(new int[] {Opcode.Code.JUMP_IF_NOT, 9, 3, Opcode.Code.HALT}, "perception 9");
        assertRejects(new int[] {Opcode.Code.REPEAT_PUSH, 20, Opcode.Code.HALT}, "repeat count 20");
        assertRejects(new int[] {Opcode.Code.REPEAT_NEXT, 2, Opcode.Code.HALT}, "REPEAT_NEXT with no counter");
        assertRejects(new int[] {Opcode.Code.WHILE_CHECK, 0, 3, Opcode.Code.HALT}, "while id 0");
        assertThrows(VerifyException.class, () -> Verifier.verify(new Bytecode(new int[] {Opcode.Code.HALT}, -1, new int[1])));
        // loops that cost nothing, or that a crashed world could never leave, would hang a kernel
        assertRejects(new int[] {Opcode.Code.JUMP, 0, Opcode.Code.HALT}, "backward jump to 0");
        assertRejects(new int[] {Opcode.Code.MOVE, Opcode.Code.JUMP_IF_NOT, 0, 6, Opcode.Code.JUMP, 1, Opcode.Code.HALT},
                "backward jump to 1");
        assertRejects(new int[] {Opcode.Code.MOVE, Opcode.Code.JUMP_IF, 0, 0, Opcode.Code.HALT}, "may only jump forward");
    }

    private static void assertRejects(int[] code, String message) {
        VerifyException e = assertThrows(VerifyException.class,
                () -> Verifier.verify(new Bytecode(code, 0, new int[code.length])));
        assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
    }

    @Test
    void opcodeNumbersAreStableAndUnique() {
        assertEquals(0, Opcode.HALT.number);
        assertEquals(11, Opcode.REPEAT_NEXT.number);
        for (Opcode op : Opcode.values()) {
            assertEquals(op, Opcode.of(op.number));
        }
        assertTrue(Opcode.openClHeader().contains("#define OP_WHILE_CHECK   9"));
        // the VMs map action opcodes to io.github.llmgs.dsl.karel.Action by offset
        for (io.github.llmgs.dsl.karel.Action a : io.github.llmgs.dsl.karel.Action.values()) {
            assertEquals(Opcode.MOVE.number + a.ordinal(), Opcode.valueOf(a.name()).number);
        }
    }
}
