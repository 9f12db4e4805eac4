package io.github.llmgs.dsl.bytecode;

import io.github.llmgs.dsl.karel.Perception;

/** One line per instruction: offset, opcode, operands (perceptions by name), source token. */
public final class Disassembler {
    private Disassembler() {}

    public static String disassemble(Bytecode bc) {
        return disassemble(bc, null);
    }

    /** With the printed program's tokens, each line also shows the token it came from. */
    public static String disassemble(Bytecode bc, String[] tokens) {
        StringBuilder sb = new StringBuilder();
        int[] code = bc.code();
        for (int pc = 0; pc < code.length; ) {
            Opcode op = Opcode.of(code[pc]);
            if (op == null) {
                sb.append(String.format("%4d  <bad opcode %d>%n", pc, code[pc]));
                pc++;
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("%4d  %-12s", pc, op.name()));
            switch (op) {
                case JUMP, REPEAT_NEXT -> line.append(" -> ").append(code[pc + 1]);
                case JUMP_IF_NOT, JUMP_IF -> line.append(' ').append(perception(code[pc + 1])).append(" -> ").append(code[pc + 2]);
                case WHILE_CHECK -> line.append(" #").append(code[pc + 1]).append(" -> ").append(code[pc + 2]);
                case REPEAT_PUSH -> line.append(' ').append(code[pc + 1]);
                default -> { }
            }
            int source = bc.sourceMap()[pc];
            if (tokens != null && source >= 0 && source < tokens.length) {
                do line.append(' '); while (line.length() < 40);
                line.append("; ").append(tokens[source]).append(" (token ").append(source).append(')');
            }
            sb.append(line).append('\n');
            pc += op.width();
        }
        return sb.toString();
    }

    private static String perception(int p) {
        return p >= 0 && p < Perception.values().length ? Perception.values()[p].token() : "?" + p;
    }
}
