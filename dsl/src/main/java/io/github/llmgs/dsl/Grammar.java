package io.github.llmgs.dsl;

import io.github.llmgs.dsl.karel.Karel;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The reference's probabilistic grammar (spec/search.md sections 1 and 5) over one domain's
 * {@link Vocabulary}: the statement kinds and their weights are common to all domains, the
 * condition, action, feature and argument weights and option orders are the vocabulary's. Search curves are only
 * comparable with the paper's if random programs and mutations follow the reference's
 * distribution, so this mirrors its {@code _fill_children(node, current_height, current_sequence)}
 * (LLM-GS, prog_policies/search_space/programmatic_space.py) rather than a cleaner design.
 *
 * <p>Bookkeeping: a node is filled with a depth and a sequence. The Program is filled at depth 1,
 * sequence 0. A child is filled at {@code depth + child.heightContribution()} and at sequence
 * {@code sequence + 1} if its parent is a Concatenate, else 1. When a child's kind is drawn, the
 * kinds that add height get probability 0 if the parent's depth is {@code >= MAX_HEIGHT}, and
 * Concatenate gets 0 if the child's sequence would be {@code >= MAX_CHAIN}.
 */
public final class Grammar {

    public static final int MAX_REPEAT = 19;

    /** What a position in the tree may hold; decides which kinds a fresh subtree may start with. */
    public enum Slot {
        /** Any statement (bodies, a Concatenate's rest). */
        STATEMENT,
        /** A Concatenate's first child: any statement but a Concatenate. */
        FIRST_STATEMENT,
        /** A While/If condition: a feature or a Not. */
        CONDITION,
        /** An IFELSE condition: the reference's production rules forbid a Not here. */
        ITE_CONDITION,
        /** The inside of a Not: a feature only. */
        NOT_FEATURE,
        /** A REPEAT count. */
        REPEAT_COUNT;

        /** The slot that child number {@code index} of {@code parent} occupies. */
        public static Slot of(Node parent, int index) {
            if (parent instanceof Node.Concatenate) {
                return index == 0 ? FIRST_STATEMENT : STATEMENT;
            }
            if (parent instanceof Node.Ite) {
                return index == 0 ? ITE_CONDITION : STATEMENT;
            }
            if (parent instanceof Node.While || parent instanceof Node.If) {
                return index == 0 ? CONDITION : STATEMENT;
            }
            if (parent instanceof Node.Repeat) {
                return index == 0 ? REPEAT_COUNT : STATEMENT;
            }
            if (parent instanceof Node.Not) {
                return NOT_FEATURE;
            }
            if (parent instanceof Node.Program) {
                return STATEMENT;
            }
            throw new IllegalArgumentException(parent + " has no child " + index);
        }
    }

    /** Statement kinds with the grammar's weights. */
    private enum Kind {
        WHILE(0.15, 1), REPEAT(0.03, 1), CONCATENATE(0.5, 0), IF(0.08, 1), ITE(0.04, 1), ACTION(0.2, 0);

        final double weight;
        final int height;

        Kind(double weight, int height) {
            this.weight = weight;
            this.height = height;
        }
    }

    private static final Kind[] KINDS = Kind.values();

    private final Vocabulary vocabulary;
    /** Indexed like {@link Vocabulary#actions()}. */
    private final double[] actionWeights;
    /** Indexed like {@link Vocabulary#features()}. */
    private final double[] featureWeights;
    /** Per feature, its arguments' weights (uniform), empty for a feature without one. */
    private final double[][] argumentWeights;

    /** The Karel grammar. */
    public Grammar() {
        this(Karel.VOCABULARY);
    }

    public Grammar(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.actionWeights = vocabulary.actions().stream().mapToDouble(ActionWord::weight).toArray();
        this.featureWeights = vocabulary.features().stream().mapToDouble(FeatureWord::weight).toArray();
        this.argumentWeights = new double[featureWeights.length][];
        for (FeatureWord f : vocabulary.features()) {
            double[] w = new double[f.arguments().size()];
            Arrays.fill(w, 1.0 / w.length);
            argumentWeights[f.id()] = w;
        }
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A random program within {@link Limits}; over-limit draws are discarded and redrawn. */
    public Node.Program randomProgram(RandomGenerator rng) {
        while (true) {
            Node.Program p = drawProgram(rng);
            if (Limits.withinLimits(p)) {
                return p;
            }
        }
    }

    /** One fill of a Program, before the limit check (package-private for distribution tests). */
    Node.Program drawProgram(RandomGenerator rng) {
        return new Node.Program((Node.Stmt) sample(Slot.STATEMENT, 1, 1, rng));
    }

    /**
     * A fresh subtree for a slot, drawn exactly as the reference's fill draws a child: no limit
     * check of its own (the caller checks the whole program).
     *
     * @param parentDepth the depth the slot's parent is filled at (Program = 1, each
     *     While/If/IFELSE/Repeat on the path adds 1)
     * @param sequence the sequence the new node is filled at: the parent's sequence + 1 when the
     *     parent is a Concatenate, else 1
     */
    public Node sample(Slot slot, int parentDepth, int sequence, RandomGenerator rng) {
        boolean heightCapped = parentDepth >= Limits.MAX_HEIGHT;
        boolean chainCapped = sequence >= Limits.MAX_CHAIN;
        return grow(slot, heightCapped, chainCapped, parentDepth, sequence, rng);
    }

    private Node grow(Slot slot, boolean heightCapped, boolean chainCapped, int baseDepth,
            int sequence, RandomGenerator rng) {
        switch (slot) {
            case REPEAT_COUNT:
                return new Node.ConstInt(rng.nextInt(MAX_REPEAT + 1));
            case NOT_FEATURE:
            case ITE_CONDITION:
                return feature(rng);
            case CONDITION:
                return rng.nextDouble() * (vocabulary.featureWeight() + vocabulary.notWeight()) < vocabulary.notWeight()
                        ? new Node.Not(feature(rng))
                        : feature(rng);
            default:
                Kind kind = drawKind(slot == Slot.FIRST_STATEMENT || chainCapped, heightCapped, rng);
                return statement(kind, baseDepth + kind.height, sequence, rng);
        }
    }

    /** A statement of the given kind whose children are filled at {@code depth, sequence}. */
    private Node.Stmt statement(Kind kind, int depth, int sequence, RandomGenerator rng) {
        switch (kind) {
            case WHILE:
                return new Node.While(
                        (Node.Cond) sample(Slot.CONDITION, depth, 1, rng), body(depth, rng));
            case IF:
                return new Node.If(
                        (Node.Cond) sample(Slot.CONDITION, depth, 1, rng), body(depth, rng));
            case ITE:
                return new Node.Ite(
                        (Node.Cond) sample(Slot.ITE_CONDITION, depth, 1, rng),
                        body(depth, rng),
                        body(depth, rng));
            case REPEAT:
                return new Node.Repeat(
                        (Node.ConstInt) sample(Slot.REPEAT_COUNT, depth, 1, rng), body(depth, rng));
            case CONCATENATE:
                return new Node.Concatenate(
                        (Node.Stmt) sample(Slot.FIRST_STATEMENT, depth, sequence + 1, rng),
                        (Node.Stmt) sample(Slot.STATEMENT, depth, sequence + 1, rng));
            default:
                return new Node.Act(vocabulary.actions().get(draw(actionWeights, rng)));
        }
    }

    /** A body slot of a non-Concatenate parent, which starts a new chain. */
    private Node.Stmt body(int parentDepth, RandomGenerator rng) {
        return (Node.Stmt) sample(Slot.STATEMENT, parentDepth, 1, rng);
    }

    private static Kind drawKind(boolean noConcatenate, boolean noHeight, RandomGenerator rng) {
        double[] w = new double[KINDS.length];
        for (Kind k : KINDS) {
            boolean excluded = (noConcatenate && k == Kind.CONCATENATE) || (noHeight && k.height > 0);
            w[k.ordinal()] = excluded ? 0 : k.weight;
        }
        return KINDS[draw(w, rng)];
    }

    /** A feature's name, then (right after it) its argument if it takes one: one node. */
    private Node.Feature feature(RandomGenerator rng) {
        FeatureWord f = vocabulary.features().get(draw(featureWeights, rng));
        if (!f.takesArgument()) {
            return new Node.Feature(f);
        }
        return new Node.Feature(f, f.arguments().get(draw(argumentWeights[f.id()], rng)));
    }

    /** Index drawn with probability proportional to its weight (zero weights never drawn). */
    private static int draw(double[] weights, RandomGenerator rng) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last; // rounding left u at ~0: the last possible kind
    }
}
