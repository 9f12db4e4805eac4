package io.github.llmgs.dsl;

import java.util.random.RandomGenerator;

/**
 * The reference's probabilistic grammar (spec/search.md section 1). Search results are only
 * comparable with the paper's if random programs and mutations follow this distribution, so the
 * weights, production rules and the depth/chain bookkeeping below mirror the reference's
 * {@code fill(node, currentDepth, currentSequence)}.
 *
 * <p>Bookkeeping: the Program is filled at depth 1 and sequence 0. A node's child is filled at
 * depth {@code parentDepth + child.heightContribution()} and at sequence {@code parentSequence + 1}
 * when the parent is a Concatenate, else 1. When the kind of a child is drawn, kinds that add height
 * are excluded if {@code parentDepth >= MAX_HEIGHT}, and Concatenate is excluded if the child's
 * sequence would reach {@link Limits#MAX_CHAIN}.
 */
public final class Grammar {

    public static final int MAX_REPEAT = 19;

    /** What a position in the tree may hold; decides which kinds a fresh subtree may start with. */
    public enum Slot {
        /** Any statement (bodies, a Concatenate's rest). */
        STATEMENT,
        /** A Concatenate's first child: any statement but a Concatenate. */
        FIRST_STATEMENT,
        /** A While/If condition: a perception or a Not. */
        CONDITION,
        /** An IFELSE condition: the reference never samples a Not here. */
        ITE_CONDITION,
        /** The inside of a Not: a perception only. */
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

    // Statement kinds, indexed by the constants below.
    private static final int WHILE = 0, REPEAT = 1, CONCATENATE = 2, IF = 3, ITE = 4, ACTION = 5;
    private static final double[] STATEMENT_WEIGHTS = {0.15, 0.03, 0.5, 0.08, 0.04, 0.2};
    private static final double NOT_WEIGHT = 0.1;
    private static final double FEATURE_WEIGHT = 0.9;
    /** Indexed like {@link Action#values()}. */
    private static final double[] ACTION_WEIGHTS = {0.5, 0.15, 0.15, 0.1, 0.1};
    /** Indexed like {@link Perception#values()}. */
    private static final double[] PERCEPTION_WEIGHTS = {0.5, 0.15, 0.15, 0.1, 0.1};

    private static final Action[] ACTIONS = Action.values();
    private static final Perception[] PERCEPTIONS = Perception.values();

    /** A random program within {@link Limits}; over-limit draws are discarded and redrawn. */
    public Node.Program randomProgram(RandomGenerator rng) {
        while (true) {
            Node.Program p = new Node.Program((Node.Stmt) sample(Slot.STATEMENT, 1, 1, rng));
            if (Limits.withinLimits(p)) {
                return p;
            }
        }
    }

    /**
     * A fresh subtree for a slot, with no limit check of its own (the caller checks the whole
     * program).
     *
     * @param parentDepth the depth the slot's parent was filled at (Program = 1, each
     *     While/If/IFELSE/Repeat on the path adds 1)
     * @param sequence the chain position the new node takes: the parent's sequence + 1 when the
     *     parent is a Concatenate, else 1 (the Program's own sequence is 0)
     */
    public Node sample(Slot slot, int parentDepth, int sequence, RandomGenerator rng) {
        switch (slot) {
            case REPEAT_COUNT:
                return new Node.ConstInt(rng.nextInt(MAX_REPEAT + 1));
            case NOT_FEATURE:
            case ITE_CONDITION:
                return feature(rng);
            case CONDITION:
                return draw(new double[] {FEATURE_WEIGHT, NOT_WEIGHT}, rng) == 1
                        ? new Node.Not(feature(rng))
                        : feature(rng);
            default:
                return statement(slot == Slot.FIRST_STATEMENT, parentDepth, sequence, rng);
        }
    }

    private Node.Stmt statement(boolean first, int parentDepth, int sequence, RandomGenerator rng) {
        double[] w = STATEMENT_WEIGHTS.clone();
        if (parentDepth >= Limits.MAX_HEIGHT) {
            w[WHILE] = w[REPEAT] = w[IF] = w[ITE] = 0;
        }
        if (first || sequence >= Limits.MAX_CHAIN) {
            w[CONCATENATE] = 0;
        }
        int kind = draw(w, rng);
        int depth = parentDepth + (kind == CONCATENATE || kind == ACTION ? 0 : 1);
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
                        statement(true, depth, sequence + 1, rng),
                        statement(false, depth, sequence + 1, rng));
            default:
                return new Node.Act(ACTIONS[draw(ACTION_WEIGHTS, rng)]);
        }
    }

    /** A body slot of a non-Concatenate parent, which starts a new chain. */
    private Node.Stmt body(int parentDepth, RandomGenerator rng) {
        return statement(false, parentDepth, 1, rng);
    }

    private static Node.Feature feature(RandomGenerator rng) {
        return new Node.Feature(PERCEPTIONS[draw(PERCEPTION_WEIGHTS, rng)]);
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
