package io.github.llmgs.dsl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain's words: its actions and features, in the grammar's option order, with the weights of
 * a condition slot. Everything else about programs (their shapes, parsing, printing, limits,
 * sampling, mutation) is shared by all domains and takes a vocabulary; {@link Domains} lists them.
 */
public final class Vocabulary {
    /**
     * Bits of a bytecode condition that hold the feature id. Above them, a feature with an
     * argument holds the argument's value + 1, where 0 is a word that names nothing (the
     * reference compares the word literally, so such a feature is never true); a feature
     * without an argument is its id alone.
     */
    public static final int FEATURE_BITS = 4;
    private static final int FEATURE_MASK = (1 << FEATURE_BITS) - 1;

    private final String domain;
    private final List<ActionWord> actions;
    private final List<FeatureWord> features;
    private final double featureWeight;
    private final double notWeight;
    private final String featureNoun;
    private final Map<String, ActionWord> actionsByToken = new HashMap<>();
    private final Map<String, FeatureWord> featuresByToken = new HashMap<>();

    /**
     * @param domain the domain's name as users type it ({@code karel}, {@code minigrid})
     * @param actions ids 0, 1, ... in this order
     * @param features ids 0, 1, ... in this order
     * @param featureWeight the grammar's weight for a plain feature in a WHILE/IF condition slot
     * @param notWeight the grammar's weight for a {@code not} there
     * @param featureNoun what the domain calls a feature in messages ({@code perception} in Karel)
     */
    public Vocabulary(String domain, List<? extends ActionWord> actions, List<? extends FeatureWord> features,
            double featureWeight, double notWeight, String featureNoun) {
        this.featureNoun = featureNoun;
        this.domain = domain;
        this.actions = List.copyOf(actions);
        this.features = List.copyOf(features);
        this.featureWeight = featureWeight;
        this.notWeight = notWeight;
        for (ActionWord a : this.actions) {
            check(a.id(), actionsByToken.size(), a.token());
            actionsByToken.put(a.token(), a);
        }
        if (this.features.size() > FEATURE_MASK + 1) {
            throw new IllegalArgumentException(domain + ": more than " + (FEATURE_MASK + 1) + " features");
        }
        for (FeatureWord f : this.features) {
            check(f.id(), featuresByToken.size(), f.token());
            featuresByToken.put(f.token(), f);
        }
    }

    /** Ids are list positions: the compiler and the kernels index by them. */
    private void check(int id, int position, String token) {
        if (id != position) {
            throw new IllegalArgumentException(domain + ": '" + token + "' has id " + id + " at position " + position);
        }
    }

    public String domain() {
        return domain;
    }

    public List<ActionWord> actions() {
        return actions;
    }

    public List<FeatureWord> features() {
        return features;
    }

    public double featureWeight() {
        return featureWeight;
    }

    public double notWeight() {
        return notWeight;
    }

    public String featureNoun() {
        return featureNoun;
    }

    /** Whether some feature takes an argument, i.e. whether {@code h( .. h)} is part of the syntax. */
    public boolean hasArguments() {
        return features.stream().anyMatch(FeatureWord::takesArgument);
    }

    /** The action written {@code token}, or null if this domain has none. */
    public ActionWord action(String token) {
        return actionsByToken.get(token);
    }

    /** The feature written {@code token}, or null if this domain has none. */
    public FeatureWord feature(String token) {
        return featuresByToken.get(token);
    }

    /** Whether {@code token} is one of this domain's actions or features (arguments may be any word). */
    public boolean owns(String token) {
        return actionsByToken.containsKey(token) || featuresByToken.containsKey(token);
    }

    /** The operand of {@code ACT}: the action's id; a word of another vocabulary is refused. */
    public int actionId(ActionWord a) {
        if (a.id() < 0 || a.id() >= actions.size() || actions.get(a.id()) != a) {
            throw new IllegalArgumentException("'" + a.token() + "' is not a " + domain + " action");
        }
        return a.id();
    }

    /** The operand of {@code JUMP_IF} / {@code JUMP_IF_NOT} for a feature leaf (see {@link #FEATURE_BITS}). */
    public int condition(Node.Feature leaf) {
        FeatureWord f = leaf.feature();
        if (f.id() < 0 || f.id() >= features.size() || features.get(f.id()) != f) {
            throw new IllegalArgumentException("'" + f.token() + "' is not a " + domain + " " + featureNoun);
        }
        if (leaf.argument() == null) {
            return f.id();
        }
        return f.id() | (f.argumentValues().indexOf(leaf.argument()) + 1) << FEATURE_BITS;
    }

    /** The feature id of a condition. */
    public static int featureOf(int condition) {
        return condition & FEATURE_MASK;
    }

    /** The argument value of a condition: -1 for a word that names nothing (or no argument). */
    public static int argumentOf(int condition) {
        return (condition >>> FEATURE_BITS) - 1;
    }

    /** Whether {@code id} is one of this vocabulary's actions. */
    public boolean isAction(int id) {
        return id >= 0 && id < actions.size();
    }

    /** Whether {@code condition} is one {@link #condition} can produce for this vocabulary. */
    public boolean isCondition(int condition) {
        if (condition < 0 || featureOf(condition) >= features.size()) {
            return false;
        }
        FeatureWord f = features.get(featureOf(condition));
        int above = condition >>> FEATURE_BITS;
        return f.takesArgument() ? above <= f.argumentValues().size() : above == 0;
    }

    /** A condition as program text, e.g. {@code front_object_type h( ball h)}; for disassembly and logs. */
    public String conditionText(int condition) {
        if (!isCondition(condition)) {
            return "?" + condition;
        }
        FeatureWord f = features.get(featureOf(condition));
        if (!f.takesArgument()) {
            return f.token();
        }
        int value = argumentOf(condition);
        return f.token() + " h( " + (value < 0 ? "<no such word>" : f.argumentValues().get(value)) + " h)";
    }

    @Override
    public String toString() {
        return domain;
    }
}
