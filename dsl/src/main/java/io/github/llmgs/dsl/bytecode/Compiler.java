package io.github.llmgs.dsl.bytecode;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Vocabulary;
import java.util.Arrays;

/**
 * AST to bytecode, emit-then-patch style. Shapes:
 * <pre>
 * IF c s        :   JUMP_IF_NOT c, end; s; end:
 * IFELSE c s t  :   JUMP_IF_NOT c, else; s; JUMP end; else: t; end:
 * WHILE c s     :   top: JUMP_IF_NOT c, end; WHILE_CHECK id, end; s; JUMP top; end:
 * REPEAT n s    :   REPEAT_PUSH n; top: REPEAT_NEXT end; s; JUMP top; end:
 * </pre>
 * An action is one word, {@code ACT | id << OPCODE_BITS}; a {@code not c( p c)} condition flips JUMP_IF_NOT to JUMP_IF. The
 * vocabulary numbers the operands (action ids, conditions); a word of another domain is refused.
 */
public final class Compiler {
    private int[] code = new int[64];
    private int[] sourceMap = new int[64];
    private int length;
    private int whiles;
    private int token;
    private final Vocabulary vocabulary;
    /** Null unless asked for: each node's first instruction, in pre-order. */
    private int[] starts;
    private int nodes;

    private Compiler(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A Karel program (the default domain). */
    public static Bytecode compile(Node.Program program) {
        return compile(program, Domains.KAREL);
    }

    /** A program of the {@code vocabulary}'s domain. */
    public static Bytecode compile(Node.Program program, Vocabulary vocabulary) {
        Compiler c = new Compiler(vocabulary);
        c.token = 3; // DEF run m(
        c.statement(program.body());
        c.emit(Opcode.HALT);
        Bytecode bc = new Bytecode(Arrays.copyOf(c.code, c.length), c.whiles, Arrays.copyOf(c.sourceMap, c.length),
                vocabulary);
        Verifier.verify(bc);
        return bc;
    }

    /**
     * Where each node's code starts, the program at 0 and every other node in pre-order (the order
     * of {@link Node#children}, the order mutation lists its sites in). A condition starts at its
     * jump, a feature under a {@code not} at the same jump, a REPEAT's count at its REPEAT_PUSH:
     * control reaches a node exactly when the instruction there runs, so a node whose start never
     * ran in an episode could be replaced by anything without changing that episode.
     */
    public static int[] nodeStarts(Node.Program program, Vocabulary vocabulary) {
        Compiler c = new Compiler(vocabulary);
        c.starts = new int[16];
        c.token = 3;
        c.start(); // the program
        c.statement(program.body());
        return Arrays.copyOf(c.starts, c.nodes);
    }

    /** Records that the next node in pre-order starts at the next instruction. */
    private void start() {
        if (starts == null) return;
        if (nodes == starts.length) starts = Arrays.copyOf(starts, nodes * 2);
        starts[nodes++] = length;
    }

    private void statement(Node.Stmt s) {
        // a statement list is a right-nested chain as long as the list: loop along it, recurse only into bodies
        while (s instanceof Node.Concatenate c) {
            start();
            statement(c.first());
            s = c.rest();
        }
        start();
        if (s instanceof Node.Act a) {
            emitWord(Opcode.act(vocabulary.actionId(a.action())));
            token++;
        } else if (s instanceof Node.If i) {
            token++; // IF
            int jump = condition(i.cond());
            token++; // i(
            statement(i.body());
            token++; // i)
            patch(jump, length);
        } else if (s instanceof Node.Ite i) {
            token++; // IFELSE
            int toElse = condition(i.cond());
            token++; // i(
            statement(i.then());
            int elseToken = token + 1;
            token += 3; // i) ELSE e(
            int toEnd = emitAt(elseToken, Opcode.JUMP, 0);
            patch(toElse, length);
            statement(i.otherwise());
            token++; // e)
            patch(toEnd, length);
        } else if (s instanceof Node.While w) {
            int whileToken = token;
            token++; // WHILE
            int top = length;
            int exit = condition(w.cond());
            int check = emitAt(whileToken, Opcode.WHILE_CHECK, whiles++, 0);
            token++; // w(
            statement(w.body());
            token++; // w)
            emitAt(whileToken, Opcode.JUMP, top);
            patch(exit, length);
            patch(check, length);
        } else if (s instanceof Node.Repeat r) {
            int repeatToken = token;
            start(); // the count
            emit(Opcode.REPEAT_PUSH, r.times().value());
            token += 2; // REPEAT R=n
            int top = emitAt(repeatToken, Opcode.REPEAT_NEXT, 0);
            token++; // r(
            statement(r.body());
            token++; // r)
            emitAt(repeatToken, Opcode.JUMP, top);
            patch(top, length);
        } else {
            throw new IllegalArgumentException("not a statement: " + s);
        }
    }

    /** Emits the conditional jump taken when the condition is false; returns it for patching. */
    private int condition(Node.Cond c) {
        token++; // c(
        int at;
        start();
        if (c instanceof Node.Not n) {
            start(); // its feature
            at = emit(Opcode.JUMP_IF, vocabulary.condition(n.feature()), 0);
            token += 4; // not c( p c)
        } else {
            at = emit(Opcode.JUMP_IF_NOT, vocabulary.condition((Node.Feature) c), 0);
            token++;
        }
        token++; // c)
        return at;
    }

    private int emit(Opcode op, int... operands) {
        return emitAt(token, op, operands);
    }

    private int emitAt(int sourceToken, Opcode op, int... operands) {
        if (operands.length != op.operands) {
            throw new IllegalStateException(op + " takes " + op.operands + " operands");
        }
        int at = length;
        ensure(length + op.width());
        sourceMap[length] = sourceToken;
        code[length++] = op.number;
        for (int v : operands) {
            sourceMap[length] = -1;
            code[length++] = v;
        }
        return at;
    }

    /** An instruction that is its word alone (ACT with its action id). */
    private void emitWord(int word) {
        ensure(length + 1);
        sourceMap[length] = token;
        code[length++] = word;
    }

    /** Sets the jump target, always the instruction's last operand. */
    private void patch(int instruction, int target) {
        Opcode op = Opcode.of(code[instruction]);
        code[instruction + op.operands] = target;
    }

    private void ensure(int capacity) {
        if (capacity > code.length) {
            code = Arrays.copyOf(code, Math.max(capacity, code.length * 2));
            sourceMap = Arrays.copyOf(sourceMap, code.length);
        }
    }
}
