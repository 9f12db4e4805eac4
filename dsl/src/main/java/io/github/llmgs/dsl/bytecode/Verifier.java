package io.github.llmgs.dsl.bytecode;

/**
 * Rejects code a backend must never see: unknown opcodes, truncated instructions, jumps outside
 * the code or into an operand, operands out of range (actions and conditions per the code's
 * vocabulary), REPEAT counters nested past the stack, and
 * code that can fall off the end, and loops that could spin without end: a jump may go backwards
 * only as a {@code JUMP} to a {@code REPEAT_NEXT} (bounded by its counter) or to a WHILE condition
 * followed by its {@code WHILE_CHECK} (which leaves a repeating or crashed world), so every
 * episode ends. Backends, GPU kernels included, trust verified code and skip these checks.
 */
public final class Verifier {
    private Verifier() {}

    public static void verify(Bytecode bc) {
        int[] code = bc.code();
        if (code.length == 0 || code.length > Opcode.MAX_CODE_LENGTH) {
            throw new VerifyException("code length " + code.length + " outside 1.." + Opcode.MAX_CODE_LENGTH);
        }
        if (bc.whileCount() < 0 || bc.whileCount() > Opcode.MAX_WHILES) {
            throw new VerifyException("while count " + bc.whileCount() + " outside 0.." + Opcode.MAX_WHILES);
        }
        boolean[] starts = new boolean[code.length + 1];
        int pc = 0;
        while (pc < code.length) {
            Opcode op = Opcode.decode(code[pc]);
            if (op == null) {
                throw new VerifyException(pc + ": unknown opcode " + code[pc]);
            }
            if (pc + op.width() > code.length) {
                throw new VerifyException(pc + ": " + op + " is truncated");
            }
            starts[pc] = true;
            pc += op.width();
        }
        if (code[lastInstruction(code, starts)] != Opcode.HALT.number) {
            throw new VerifyException("code does not end with HALT");
        }
        for (pc = 0; pc < code.length; pc += Opcode.decode(code[pc]).width()) {
            Opcode op = Opcode.decode(code[pc]);
            switch (op) {
                case JUMP -> {
                    checkTarget(code, starts, pc, code[pc + 1]);
                    if (code[pc + 1] <= pc && !loopHead(code, code[pc + 1])) {
                        throw new VerifyException(pc + ": backward jump to " + code[pc + 1]
                                + " is neither a REPEAT_NEXT nor a WHILE condition with its WHILE_CHECK");
                    }
                }
                case REPEAT_NEXT -> checkForward(code, starts, pc, code[pc + 1]);
                case ACT -> {
                    if (!bc.vocabulary().isAction(Opcode.actionOf(code[pc]))) {
                        throw new VerifyException(pc + ": action " + Opcode.actionOf(code[pc]) + " is not a "
                                + bc.vocabulary() + " action");
                    }
                }
                case JUMP_IF_NOT, JUMP_IF -> {
                    if (!bc.vocabulary().isCondition(code[pc + 1])) {
                        throw new VerifyException(pc + ": condition " + code[pc + 1] + " is not a " + bc.vocabulary() + " condition");
                    }
                    checkForward(code, starts, pc, code[pc + 2]);
                }
                case WHILE_CHECK -> {
                    if (code[pc + 1] < 0 || code[pc + 1] >= bc.whileCount()) {
                        throw new VerifyException(pc + ": while id " + code[pc + 1] + " out of range");
                    }
                    checkForward(code, starts, pc, code[pc + 2]);
                }
                case REPEAT_PUSH -> {
                    if (code[pc + 1] < 0 || code[pc + 1] > 19) {
                        throw new VerifyException(pc + ": repeat count " + code[pc + 1] + " out of range 0..19");
                    }
                }
                default -> { }
            }
        }
        checkRepeatDepth(code);
    }

    private static int lastInstruction(int[] code, boolean[] starts) {
        for (int pc = code.length - 1; pc >= 0; pc--) {
            if (starts[pc]) return pc;
        }
        return 0;
    }

    private static void checkForward(int[] code, boolean[] starts, int pc, int target) {
        checkTarget(code, starts, pc, target);
        if (target <= pc) {
            throw new VerifyException(pc + ": " + Opcode.decode(code[pc]) + " may only jump forward, not to " + target);
        }
    }

    /** A REPEAT_NEXT, or a WHILE condition (JUMP_IF / JUMP_IF_NOT) directly followed by WHILE_CHECK. */
    private static boolean loopHead(int[] code, int target) {
        int op = code[target];
        if (op == Opcode.Code.REPEAT_NEXT) return true;
        boolean condition = op == Opcode.Code.JUMP_IF || op == Opcode.Code.JUMP_IF_NOT;
        int next = target + 3;
        return condition && next < code.length && code[next] == Opcode.Code.WHILE_CHECK;
    }

    private static void checkTarget(int[] code, boolean[] starts, int pc, int target) {
        if (target < 0 || target >= code.length || !starts[target]) {
            throw new VerifyException(pc + ": jump target " + target + " is not an instruction");
        }
    }

    /**
     * The counter stack depth must be the same along every path into an instruction and stay
     * within MAX_REPEAT_DEPTH; REPEAT_NEXT needs a counter to pop.
     */
    private static void checkRepeatDepth(int[] code) {
        int[] depth = new int[code.length];
        java.util.Arrays.fill(depth, -1);
        Work work = new Work(code.length);
        depth[0] = 0;
        work.push(0);
        while (work.size > 0) {
            int pc = work.pcs[--work.size];
            int d = depth[pc];
            Opcode op = Opcode.decode(code[pc]);
            int next = pc + op.width();
            switch (op) {
                case HALT -> { }
                case JUMP -> flow(code, depth, work, pc, code[pc + 1], d);
                case JUMP_IF_NOT, JUMP_IF, WHILE_CHECK -> {
                    flow(code, depth, work, pc, next, d);
                    flow(code, depth, work, pc, code[pc + 2], d);
                }
                case REPEAT_PUSH -> {
                    if (d + 1 > Opcode.MAX_REPEAT_DEPTH) {
                        throw new VerifyException(pc + ": REPEAT nesting deeper than " + Opcode.MAX_REPEAT_DEPTH);
                    }
                    flow(code, depth, work, pc, next, d + 1);
                }
                case REPEAT_NEXT -> {
                    if (d < 1) {
                        throw new VerifyException(pc + ": REPEAT_NEXT with no counter");
                    }
                    flow(code, depth, work, pc, next, d);
                    flow(code, depth, work, pc, code[pc + 1], d - 1);
                }
                default -> flow(code, depth, work, pc, next, d);
            }
        }
    }

    /** The instructions whose successors are still to visit: each enters once, when its depth is first set. */
    private static final class Work {
        final int[] pcs;
        int size;

        Work(int length) {
            pcs = new int[length];
        }

        void push(int pc) {
            pcs[size++] = pc;
        }
    }

    private static void flow(int[] code, int[] depth, Work work, int from, int to, int d) {
        if (to >= code.length) {
            throw new VerifyException(from + ": falls off the end of the code");
        }
        if (depth[to] == -1) {
            depth[to] = d;
            work.push(to);
        } else if (depth[to] != d) {
            throw new VerifyException(to + ": REPEAT counter depth " + depth[to] + " or " + d + " depending on the path");
        }
    }
}
