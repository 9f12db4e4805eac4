package io.github.llmgs.dsl.bytecode;

import io.github.llmgs.dsl.ActionWord;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import java.util.Arrays;

/**
 * AST to bytecode, emit-then-patch style. Shapes:
 * <pre>
 * IF c s        :   JUMP_IF_NOT c, end; s; end:
 * IFELSE c s t  :   JUMP_IF_NOT c, else; s; JUMP end; else: t; end:
 * WHILE c s     :   top: JUMP_IF_NOT c, end; WHILE_CHECK id, end; s; JUMP top; end:
 * REPEAT n s    :   REPEAT_PUSH n; top: REPEAT_NEXT end; s; JUMP top; end:
 * </pre>
 * A {@code not c( p c)} condition flips JUMP_IF_NOT to JUMP_IF.
 *
 * <p>The opcode set is still Karel's (its five action opcodes, perception ids as operands): a
 * program of another domain is refused here until the bytecode grows domain-neutral
 * {@code ACT id} and feature-with-argument operands.
 */
public final class Compiler {
    private int[] code = new int[64];
    private int[] sourceMap = new int[64];
    private int length;
    private int whiles;
    private int token;

    private Compiler() {}

    public static Bytecode compile(Node.Program program) {
        Compiler c = new Compiler();
        c.token = 3; // DEF run m(
        c.statement(program.body());
        c.emit(Opcode.HALT);
        Bytecode bc = new Bytecode(Arrays.copyOf(c.code, c.length), c.whiles, Arrays.copyOf(c.sourceMap, c.length));
        Verifier.verify(bc);
        return bc;
    }

    private void statement(Node.Stmt s) {
        // a statement list is a right-nested chain as long as the list: loop along it, recurse only into bodies
        while (s instanceof Node.Concatenate c) {
            statement(c.first());
            s = c.rest();
        }
        if (s instanceof Node.Act a) {
            emit(switch (karel(a.action())) {
                case MOVE -> Opcode.MOVE;
                case TURN_LEFT -> Opcode.TURN_LEFT;
                case TURN_RIGHT -> Opcode.TURN_RIGHT;
                case PUT_MARKER -> Opcode.PUT_MARKER;
                case PICK_MARKER -> Opcode.PICK_MARKER;
            });
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
        if (c instanceof Node.Not n) {
            at = emit(Opcode.JUMP_IF, perception(n.feature()), 0);
            token += 4; // not c( p c)
        } else {
            at = emit(Opcode.JUMP_IF_NOT, perception((Node.Feature) c), 0);
            token++;
        }
        token++; // c)
        return at;
    }

    private static Action karel(ActionWord a) {
        if (a instanceof Action k) {
            return k;
        }
        throw new IllegalArgumentException("the bytecode has only Karel's actions, not '" + a.token() + "'");
    }

    /** The operand of JUMP_IF / JUMP_IF_NOT: the perception's id. */
    private static int perception(Node.Feature f) {
        if (f.feature() instanceof Perception p) {
            return p.id();
        }
        throw new IllegalArgumentException("the bytecode has only Karel's perceptions, not '" + f.feature().token() + "'");
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
