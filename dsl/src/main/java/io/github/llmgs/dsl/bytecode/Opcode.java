package io.github.llmgs.dsl.bytecode;

import io.github.llmgs.dsl.ActionWord;
import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.FeatureWord;
import io.github.llmgs.dsl.Vocabulary;
import java.util.Locale;

/**
 * Every instruction of the program bytecode, declared once. The numbers are stable: the OpenCL
 * header ({@code opcodes.h}) and the disassembler are generated from this enum, and compiled
 * programs may be stored. An instruction is its opcode followed by its operands in the int array.
 *
 * <p>The instructions belong to no domain: an action and a condition are operands, numbered by
 * the program's {@link Vocabulary} ({@link Vocabulary#actionId}, {@link Vocabulary#condition}),
 * and each domain's VM helpers ({@code doAction}, {@code perceive}) give them meaning.
 *
 * <p>Semantics (spec/karel.md section 3, spec/minigrid.md section 9.2): an action runs only in an
 * uncrashed world, costs one call, then the task's reward runs and the episode may end; a
 * condition costs one call even in a crashed world; a crashed world still runs the rest of the
 * program without acting.
 */
public enum Opcode {
    /** End of program: the episode ends. */
    HALT(Code.HALT, 0),
    /**
     * {@code ACT | action << OPCODE_BITS}, one word: acts in an uncrashed world (one call). The
     * vocabulary's action id rides in the instruction word so that an action stays one word, as
     * when each action had its own opcode: program sizes, and so what fits the engine, are the
     * same in every domain.
     */
    ACT(Code.ACT, 0),
    /** {@code target}: continue at target. */
    JUMP(Code.JUMP, 1),
    /** {@code condition, target}: evaluate the vocabulary's condition (one call); if false, jump. */
    JUMP_IF_NOT(Code.JUMP_IF_NOT, 2),
    /** {@code condition, target}: evaluate the condition (one call); if true, jump ({@code not c( .. c)}). */
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
        public static final int ACT = 1;
        public static final int JUMP = 2;
        public static final int JUMP_IF_NOT = 3;
        public static final int JUMP_IF = 4;
        public static final int WHILE_CHECK = 5;
        public static final int REPEAT_PUSH = 6;
        public static final int REPEAT_NEXT = 7;

        private Code() {}
    }

    /** Low bits of an instruction word that hold the opcode; above them, ACT's action id (0 for every other opcode). */
    public static final int OPCODE_BITS = 8;
    public static final int OPCODE_MASK = (1 << OPCODE_BITS) - 1;

    /** Limits shared by the compiler, the verifier and the kernel. */
    public static final int MAX_CODE_LENGTH = 512;
    public static final int MAX_REPEAT_DEPTH = 8;
    public static final int MAX_WHILES = 64;

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

    /** The instruction word of {@code ACT action}. */
    public static int act(int action) {
        return Code.ACT | action << OPCODE_BITS;
    }

    /** The opcode number of an instruction word (what the dispatch switches on). */
    public static int opcodeOf(int word) {
        return word & OPCODE_MASK;
    }

    /** ACT's action id, from its instruction word. */
    public static int actionOf(int word) {
        return word >>> OPCODE_BITS;
    }

    /**
     * The instruction an instruction word starts, or null: an unknown opcode, or bits above
     * {@link #OPCODE_BITS} on an opcode other than ACT.
     */
    public static Opcode decode(int word) {
        Opcode op = of(opcodeOf(word));
        return op == ACT || op != null && actionOf(word) == 0 ? op : null;
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
        sb.append(String.format("#define OPCODE_BITS %d /* an instruction word: opcode | ACT's action id << OPCODE_BITS */%n",
                OPCODE_BITS));
        sb.append(String.format("#define OPCODE_MASK %d%n", OPCODE_MASK));
        sb.append(String.format("#define FEATURE_BITS %d%n", Vocabulary.FEATURE_BITS));
        for (Vocabulary v : Domains.all()) {
            String domain = v.domain().toUpperCase(Locale.ROOT);
            sb.append(String.format("%n/* %s action ids: ACT's operand (instruction word >> OPCODE_BITS). */%n", v.domain()));
            for (ActionWord a : v.actions()) {
                sb.append(String.format("#define %s_ACTION_%s %d%n", domain, macro(a.token()), a.id()));
            }
            sb.append(String.format("%n/* %s feature ids: the low FEATURE_BITS bits of a JUMP_IF / JUMP_IF_NOT condition%s. */%n",
                    v.domain(), v.hasArguments() ? "; above them, an argument's value + 1 (0: a word that names nothing)" : ""));
            for (FeatureWord f : v.features()) {
                sb.append(String.format("#define %s_FEATURE_%s %d%n", domain, macro(f.token()), f.id()));
            }
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

    /** {@code turnLeft} and {@code front_is_clear} as C macro names: {@code TURN_LEFT}, {@code FRONT_IS_CLEAR}. */
    private static String macro(String token) {
        return token.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
