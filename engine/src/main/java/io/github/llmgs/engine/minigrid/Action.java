package io.github.llmgs.engine.minigrid;

/** The DSL's six actions, numbered as minigrid's {@code Actions} enum. */
public enum Action {
    LEFT("left"), RIGHT("right"), FORWARD("forward"), PICKUP("pickup"), DROP("drop"), TOGGLE("toggle");

    private static final Action[] ALL = values();
    private final String word;

    Action(String word) {
        this.word = word;
    }

    /** The DSL token. */
    public String word() {
        return word;
    }

    public static Action byIndex(int index) {
        return ALL[index];
    }

    /** The action a DSL token names; throws for any other word. */
    public static Action byWord(String word) {
        for (Action a : ALL) {
            if (a.word.equals(word)) return a;
        }
        throw new IllegalArgumentException("not a MiniGrid action: " + word);
    }
}
