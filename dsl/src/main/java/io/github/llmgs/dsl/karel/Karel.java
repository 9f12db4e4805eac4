package io.github.llmgs.dsl.karel;

import io.github.llmgs.dsl.Vocabulary;
import java.util.List;

/** The Karel domain's vocabulary (spec/karel.md section 1, weights of spec/search.md section 1). */
public final class Karel {
    /** A WHILE/IF condition is a perception with weight 0.9, a {@code not} with 0.1. */
    public static final Vocabulary VOCABULARY =
            new Vocabulary("karel", List.of(Action.values()), List.of(Perception.values()), 0.9, 0.1, "perception");

    private Karel() {}
}
