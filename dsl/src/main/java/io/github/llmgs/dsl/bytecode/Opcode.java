package io.github.llmgs.dsl.bytecode;

/**
 * Every instruction of the program bytecode, declared once. The numbers are stable: the OpenCL
 * header ({@code opcodes.h}) and the disassembler are generated from this enum, and compiled
 * programs may be stored. An instruction is its opcode followed by its operands in the int array.
 *
 * <p>Semantics (spec/karel.md section 3): an action runs only in an uncrashed world, costs one
 * call, then the task's reward runs and the episode may end; a condition costs one call even in
 * a crashed world; a crashed world still runs the rest of the program without acting.
 */
public enum Opcode {
    /** End of program: the episode ends. */
    HALT(Code.HALT, 0),
    /** Actions: no operands. */
    MOVE(Code.MOVE, 0),
    TURN_LEFT(Code.TURN_LEFT, 0),
    TURN_RIGHT(Code.TURN_RIGHT, 0),
    PUT_MARKER(Code.PUT_MARKER, 0),
    PICK_MARKER(Code.PICK_MARKER, 0),
    /** {@code target}: continue at target. */
    JUMP(Code.JUMP, 1),
    /** {@code perception, target}: evaluate the perception (one call); if false, jump. */
    JUMP_IF_NOT(Code.JUMP_IF_NOT, 2),
    /** {@code perception, target}: evaluate the perception (one call); if true, jump ({@code not c( .. c)}). */
    JUMP_IF(Code.JUMP_IF, 2),
    /**
     * {@code whileId, target}: after a true WHILE condition: if the world is crashed, jump; take
     * the state key; if this WHILE saw it before in this episode, crash and jump; else record it.
     */
    WHILE_CHECK(Code.WHILE_CHECK, 2),
    /** {@code count}: push a REPEAT counter. */
    REPEAT_PUSH(Code.REPEAT_PUSH, 1),
    /** {@code target}: if the top counter is 0, pop it and jump; else decrement it. */
    REPEAT_NEXT(Code.REPEAT_NEXT, 1);

    /**
     * The opcode numbers as compile-time constants, for {@code switch} dispatch in the Java VM;
     * each is stated here once and the enum above takes it from here.
     */
    public static final class Code {
        public static final int HALT = 0;
        public static final int MOVE = 1;
        public static final int TURN_LEFT = 2;
        public static final int TURN_RIGHT = 3;
        public static final int PUT_MARKER = 4;
        public static final int PICK_MARKER = 5;
        public static final int JUMP = 6;
        public static final int JUMP_IF_NOT = 7;
        public static final int JUMP_IF = 8;
        public static final int WHILE_CHECK = 9;
        public static final int REPEAT_PUSH = 10;
        public static final int REPEAT_NEXT = 11;

        private Code() {}
    }

    /** Limits shared by the compiler, the verifier and the kernel. */
    public static final int MAX_CODE_LENGTH = 512;
    public static final int MAX_REPEAT_DEPTH = 8;
    public static final int MAX_WHILES = 64;
    public static final int PERCEPTIONS = 5;

    private static final Opcode[] BY_NUMBER = new Opcode[values().length];

    static {
        for (Opcode op : values()) {
            if (BY_NUMBER[op.number] != null) {
                throw new ExceptionInInitializerError("duplicate opcode number " + op.number);
            }
            BY_NUMBER[op.number] = op;
        }
    }

    public final int number;
    public final int operands;

    Opcode(int number, int operands) {
        this.number = number;
        this.operands = operands;
    }

    public int width() {
        return 1 + operands;
    }

    /** The opcode with that number, or null. */
    public static Opcode of(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The C header the OpenCL kernel includes; a test keeps the checked-in copy in step. */
    public static String openClHeader() {
        StringBuilder sb = new StringBuilder();
        sb.append("/* Generated from io.github.llmgs.dsl.bytecode.Opcode -- do not edit by hand. */\n");
        sb.append("#ifndef LLMGS_OPCODES_H\n#define LLMGS_OPCODES_H\n\n");
        for (Opcode op : values()) {
            sb.append(String.format("#define OP_%-12s %2d /* operands: %d */%n", op.name(), op.number, op.operands));
        }
        sb.append('\n');
        sb.append(String.format("#define MAX_CODE_LENGTH %d%n", MAX_CODE_LENGTH));
        sb.append(String.format("#define MAX_REPEAT_DEPTH %d%n", MAX_REPEAT_DEPTH));
        sb.append(String.format("#define MAX_WHILES %d%n", MAX_WHILES));
        sb.append(String.format("#define PERCEPTIONS %d%n", PERCEPTIONS));
        sb.append("\n/* io.github.llmgs.dsl.karel.Perception ids: the operand of JUMP_IF and JUMP_IF_NOT. */\n");
        for (io.github.llmgs.dsl.karel.Perception p : io.github.llmgs.dsl.karel.Perception.values()) {
            sb.append(String.format("#define PERCEPTION_%s %d%n", p.name(), p.id()));
        }
        sb.append("\n/* Opcode.operands: ints after each opcode (0 for unknown opcodes, which the dispatch rejects). */\n");
        sb.append("static inline int operands(int op) {\n    switch (op) {\n");
        for (Opcode op : values()) {
            if (op.operands > 0) {
                sb.append(String.format("        case OP_%s: return %d;%n", op.name(), op.operands));
            }
        }
        sb.append("        default: return 0;\n    }\n}\n");
        sb.append("\n#endif\n");
        return sb.toString();
    }
}
