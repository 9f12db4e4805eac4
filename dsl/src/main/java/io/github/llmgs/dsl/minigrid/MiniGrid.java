package io.github.llmgs.dsl.minigrid;

import io.github.llmgs.dsl.Vocabulary;
import java.util.List;

/** The MiniGrid domain's vocabulary (spec/minigrid.md section 9, weights of spec/search.md section 5). */
public final class MiniGrid {
    /** A WHILE/IF condition is a plain feature or a {@code not}, 0.5 each. */
    public static final Vocabulary VOCABULARY =
            new Vocabulary("minigrid", List.of(Action.values()), List.of(Feature.values()), 0.5, 0.5, "feature");

    private MiniGrid() {}
}
