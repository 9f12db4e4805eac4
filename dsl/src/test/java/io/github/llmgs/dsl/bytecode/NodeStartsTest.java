package io.github.llmgs.dsl.bytecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Where each node's code starts: coverage reads "reached" off the instruction there, so each
 * node must start at the instruction control passes through first when it enters the node.
 */
class NodeStartsTest {
    @Test
    void eachNodeStartsAtItsFirstInstruction() {
        // 0 program, 1 list, 2 REPEAT, 3 count, 4 move, 5 WHILE, 6 not, 7 frontIsClear, 8 turnLeft
        Node.Program p = Parser.parse("DEF run m( REPEAT R=3 r( move r) WHILE c( not c( frontIsClear c) c) w( turnLeft w) m)");
        // REPEAT_PUSH 3 (0), REPEAT_NEXT (2), ACT move (4), JUMP (5), JUMP_IF (7), WHILE_CHECK (10), ACT (13), JUMP (14), HALT
        assertArrayEquals(new int[] {0, 0, 0, 0, 4, 7, 7, 7, 13}, Compiler.nodeStarts(p, Domains.KAREL));
    }

    @Test
    void everyNodeOfRandomProgramsStartsWhereItsKindSays() {
        for (Vocabulary v : List.of(Domains.KAREL, Domains.MINIGRID)) {
            Grammar grammar = new Grammar(v);
            SplittableRandom rng = new SplittableRandom(17);
            for (int n = 0; n < 2000; n++) {
                Node.Program p = grammar.randomProgram(rng);
                int[] code = Compiler.compile(p, v).code();
                int[] starts = Compiler.nodeStarts(p, v);
                List<Node> nodes = new ArrayList<>();
                List<Node> parents = new ArrayList<>();
                preOrder(p, null, nodes, parents);
                assertEquals(nodes.size(), starts.length, Printer.print(p));
                for (int i = 0; i < starts.length; i++) {
                    String where = "node " + i + " (" + nodes.get(i).getClass().getSimpleName() + ") of " + Printer.print(p);
                    assertEquals(expected(nodes.get(i), parents.get(i)), Opcode.decode(code[starts[i]]), where);
                }
            }
        }
    }

    /** The opcode a node's code starts with; a list starts with its first statement's. */
    private static Opcode expected(Node node, Node parent) {
        while (node instanceof Node.Concatenate c) node = c.first();
        if (node instanceof Node.Program pr) return expected(pr.body(), pr);
        if (node instanceof Node.Act) return Opcode.ACT;
        if (node instanceof Node.Repeat || node instanceof Node.ConstInt) return Opcode.REPEAT_PUSH;
        if (node instanceof Node.While w) return w.cond() instanceof Node.Not ? Opcode.JUMP_IF : Opcode.JUMP_IF_NOT;
        if (node instanceof Node.If f) return f.cond() instanceof Node.Not ? Opcode.JUMP_IF : Opcode.JUMP_IF_NOT;
        if (node instanceof Node.Ite t) return t.cond() instanceof Node.Not ? Opcode.JUMP_IF : Opcode.JUMP_IF_NOT;
        if (node instanceof Node.Not) return Opcode.JUMP_IF;
        // a feature: under a not, the not's jump; else its own
        return parent instanceof Node.Not ? Opcode.JUMP_IF : Opcode.JUMP_IF_NOT;
    }

    private static void preOrder(Node node, Node parent, List<Node> out, List<Node> parents) {
        out.add(node);
        parents.add(parent);
        for (Node child : node.children()) preOrder(child, node, out, parents);
    }
}
