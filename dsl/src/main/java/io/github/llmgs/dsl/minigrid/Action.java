package io.github.llmgs.dsl.minigrid;

import io.github.llmgs.dsl.ActionWord;

/** The six MiniGrid actions, in the grammar's order, with its weights (spec/search.md section 5). */
public enum Action implements ActionWord {
    LEFT("left", 0.15),
    RIGHT("right", 0.15),
    FORWARD("forward", 0.5),
    PICKUP("pickup", 0.08),
    DROP("drop", 0.08),
    TOGGLE("toggle", 0.04);

    private final String token;
    private final double weight;

    Action(String token, double weight) {
        this.token = token;
        this.weight = weight;
    }

    @Override
    public int id() {
        return ordinal();
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public double weight() {
        return weight;
    }

    /** The MiniGrid action a program node holds; a word of another domain is a caller's bug. */
    public static Action of(ActionWord word) {
        if (word instanceof Action a) {
            return a;
        }
        throw new IllegalArgumentException("'" + word.token() + "' is not a MiniGrid action");
    }
}
