package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.ActionWord;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.dsl.minigrid.MiniGrid;

/** The words of MiniGrid programs as the world reads them: a feature's argument as an index. */
public final class Arguments {
    private Arguments() {}

    /**
     * The type or colour index of the word inside {@code h( .. h)}, or -1 for a word that names
     * neither: the reference compares the word literally, so such a feature is never true.
     */
    public static int index(Feature feature, String word) {
        return switch (feature) {
            case FRONT_OBJECT_TYPE -> ObjectType.byName(word);
            case FRONT_OBJECT_COLOR -> Color.byName(word);
            default -> throw new IllegalArgumentException(feature.token() + " takes no argument");
        };
    }

    /** The action a token names; anything else is a caller's bug. */
    public static Action action(String token) {
        ActionWord a = MiniGrid.VOCABULARY.action(token);
        if (a == null) {
            throw new IllegalArgumentException("not a MiniGrid action: " + token);
        }
        return Action.of(a);
    }
}
