package io.github.llmgs.kernels;

/**
 * Prints {@code Opcode.openClHeader()}: regenerates the checked-in {@code opcodes.h} (the command
 * is in {@link OpcodesHeaderTest#REGENERATE}).
 */
public final class GenerateOpcodesHeader {
    private GenerateOpcodesHeader() {}

    public static void main(String[] args) {
        System.out.print(io.github.llmgs.dsl.bytecode.Opcode.openClHeader());
    }
}
