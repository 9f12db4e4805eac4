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

    @Override
    public String toString() {
        return domain;
    }
}
