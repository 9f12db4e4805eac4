package io.github.llmgs.dsl.bytecode;

/**
 * A compiled program: the instruction array, how many WHILE loops it has (each keeps its own
 * state-key memory), and a source map from instruction offset to the token index of the
 * printed program that produced it (-1 between instructions).
 */
public record Bytecode(int[] code, int whileCount, int[] sourceMap) {
    public int length() {
        return code.length;
    }
}
