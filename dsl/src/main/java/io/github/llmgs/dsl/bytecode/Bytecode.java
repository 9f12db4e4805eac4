package io.github.llmgs.dsl.bytecode;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Vocabulary;

/**
 * A compiled program: the instruction array, how many WHILE loops it has (each keeps its own
 * state-key memory), a source map from instruction offset to the token index of the printed
 * program that produced it (-1 between instructions), and the vocabulary its action and
 * condition operands are numbered by.
 */
public record Bytecode(int[] code, int whileCount, int[] sourceMap, Vocabulary vocabulary) {
    /** Karel code, the default domain. */
    public Bytecode(int[] code, int whileCount, int[] sourceMap) {
        this(code, whileCount, sourceMap, Domains.KAREL);
    }

    public int length() {
        return code.length;
    }
}
