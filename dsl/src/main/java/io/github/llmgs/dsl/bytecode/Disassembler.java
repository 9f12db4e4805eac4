package io.github.llmgs.dsl.bytecode;

/** One line per instruction: offset, opcode, operands (actions and conditions by name), source token. */
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
            Opcode op = Opcode.decode(code[pc]);
            if (op == null) {
                sb.append(String.format("%4d  <bad opcode %d>%n", pc, code[pc]));
                pc++;
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("%4d  %-12s", pc, op.name()));
            switch (op) {
                case JUMP, REPEAT_NEXT -> line.append(" -> ").append(code[pc + 1]);
                case ACT -> line.append(' ').append(action(bc, Opcode.actionOf(code[pc])));
                case JUMP_IF_NOT, JUMP_IF -> line.append(' ').append(bc.vocabulary().conditionText(code[pc + 1]))
                        .append(" -> ").append(code[pc + 2]);
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

    private static String action(Bytecode bc, int id) {
        return bc.vocabulary().isAction(id) ? bc.vocabulary().actions().get(id).token() : "?" + id;
    }
}
