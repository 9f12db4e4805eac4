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

    /** Statement kinds, indexed by {@link #kindsIndex}: with and without Concatenate and the kinds that add height. */
    private static final Choice[] KIND_CHOICES = new Choice[4];
    /** A count slot has one option, which still consumes its draw. */
    private static final Choice COUNT_SLOT = Choice.normalised(new double[] {1.0});
    private static final Choice COUNTS;

    static {
        for (int i = 0; i < KIND_CHOICES.length; i++) {
            double[] w = new double[KINDS.length];
            for (Kind k : KINDS) {
                boolean excluded = ((i & 1) != 0 && k == Kind.CONCATENATE) || ((i & 2) != 0 && k.height > 0);
                w[k.ordinal()] = excluded ? 0 : k.weight; // a zeroed kind stays in the list
            }
            KIND_CHOICES[i] = Choice.normalised(w);
        }
        double[] counts = new double[MAX_REPEAT + 1];
        Arrays.fill(counts, 1.0 / counts.length);
        COUNTS = Choice.asListed(counts);
    }

    private final Vocabulary vocabulary;
    /** Indexed like {@link Vocabulary#actions()}. */
    private final Choice actions;
    /** Indexed like {@link Vocabulary#features()}. */
    private final Choice features;
    /** Per feature id, its arguments (uniform); null for a feature without one. */
    private final Choice[] arguments;
    /** [feature, not] for a condition slot; index 1 with not zeroed where the production rule forbids it. */
    private final Choice[] conditions;

    /** The Karel grammar. */
    public Grammar() {
        this(Karel.VOCABULARY);
    }

    public Grammar(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.actions = Choice.asListed(vocabulary.actions().stream().mapToDouble(ActionWord::weight).toArray());
        this.features = Choice.asListed(vocabulary.features().stream().mapToDouble(FeatureWord::weight).toArray());
        this.arguments = new Choice[vocabulary.features().size()];
        for (FeatureWord f : vocabulary.features()) {
            if (!f.takesArgument()) continue;
            double[] w = new double[f.arguments().size()];
            Arrays.fill(w, 1.0 / w.length); // as the reference lists them
            arguments[f.id()] = Choice.asListed(w);
        }
        this.conditions = new Choice[] {
            Choice.normalised(new double[] {vocabulary.featureWeight(), vocabulary.notWeight()}),
            Choice.normalised(new double[] {vocabulary.featureWeight(), 0})
        };
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A random program within {@link Limits}; over-limit draws are discarded and redrawn. */
    public Node.Program randomProgram(RandomGenerator rng) {
        return randomProgram(Draws.of(rng));
    }

    /** A random program within {@link Limits}; the draws of rejected attempts are consumed. */
    public Node.Program randomProgram(Draws draws) {
        while (true) {
            Node.Program p = drawProgram(draws);
            if (Limits.withinLimits(p)) {
                return p;
            }
        }
    }

    Node.Program drawProgram(RandomGenerator rng) {
        return drawProgram(Draws.of(rng));
    }

    /** One fill of a Program at height 1, chain position 0, before the limit check. */
    Node.Program drawProgram(Draws draws) {
        return new Node.Program((Node.Stmt) sample(Slot.STATEMENT, 1, 1, draws));
    }

    public Node sample(Slot slot, int parentDepth, int sequence, RandomGenerator rng) {
        return sample(slot, parentDepth, sequence, Draws.of(rng));
    }

    /**
     * A child for a slot of a node filled at height {@code parentDepth}, drawn as the reference's
     * fill draws it: kinds that add height get 0 if {@code parentDepth >= MAX_HEIGHT}, Concatenate
     * gets 0 if the child's chain position {@code sequence} (the parent's + 1 under a
     * Concatenate, else 1) is {@code >= MAX_CHAIN}.
     */
    public Node sample(Slot slot, int parentDepth, int sequence, Draws draws) {
        boolean heightCapped = parentDepth >= Limits.MAX_HEIGHT;
        boolean chainCapped = sequence >= Limits.MAX_CHAIN;
        switch (slot) {
            case REPEAT_COUNT:
                return count(draws);
            case CONDITION:
            case ITE_CONDITION:
            case NOT_FEATURE:
                return condition(slot == Slot.CONDITION, parentDepth, draws);
            default:
                Kind kind = drawKind(slot == Slot.FIRST_STATEMENT || chainCapped, heightCapped, draws);
                return statement(kind, parentDepth + kind.height, sequence, draws);
        }
    }

    /**
     * The mutation's replacement for a node at {@code slot} (spec/search.md section 6): only the
     * production rule zeroes kinds here (no height or chain cap), and the inside is filled at the
     * replaced node's height plus the replacement's own, at chain position 1, as the reference does.
     *
     * @param oldHeight the replaced node's height: its own 1-or-0 plus all its ancestors', Program included
     */
    public Node replacement(Slot slot, int oldHeight, Draws draws) {
        switch (slot) {
            case REPEAT_COUNT:
                return count(draws);
            case CONDITION:
            case ITE_CONDITION:
            case NOT_FEATURE:
                return condition(slot == Slot.CONDITION, oldHeight, draws);
            default:
                Kind kind = drawKind(slot == Slot.FIRST_STATEMENT, false, draws);
                return statement(kind, oldHeight + kind.height, 1, draws);
        }
    }

    /** A count slot's one option, then its value 0..19. */
    private static Node.ConstInt count(Draws draws) {
        COUNT_SLOT.draw(draws);
        return new Node.ConstInt(COUNTS.draw(draws));
    }

    /** A condition slot: [feature, not], with not zeroed where the production rule forbids it. */
    private Node.Cond condition(boolean notAllowed, int depth, Draws draws) {
        if (conditions[notAllowed ? 0 : 1].draw(draws) == 1) {
            return new Node.Not((Node.Feature) condition(false, depth, draws));
        }
        return feature(draws);
    }

    /** A statement of the given kind whose children are filled at {@code depth, sequence}. */
    private Node.Stmt statement(Kind kind, int depth, int sequence, Draws draws) {
        switch (kind) {
            case WHILE:
                return new Node.While((Node.Cond) sample(Slot.CONDITION, depth, 1, draws), body(depth, draws));
            case IF:
                return new Node.If((Node.Cond) sample(Slot.CONDITION, depth, 1, draws), body(depth, draws));
            case ITE:
                return new Node.Ite(
                        (Node.Cond) sample(Slot.ITE_CONDITION, depth, 1, draws),
                        body(depth, draws),
                        body(depth, draws));
            case REPEAT:
                return new Node.Repeat((Node.ConstInt) sample(Slot.REPEAT_COUNT, depth, 1, draws), body(depth, draws));
            case CONCATENATE:
                return new Node.Concatenate(
                        (Node.Stmt) sample(Slot.FIRST_STATEMENT, depth, sequence + 1, draws),
                        (Node.Stmt) sample(Slot.STATEMENT, depth, sequence + 1, draws));
            default:
                return new Node.Act(vocabulary.actions().get(actions.draw(draws)));
        }
    }

    /** A body slot of a non-Concatenate parent, which starts a new chain. */
    private Node.Stmt body(int parentDepth, Draws draws) {
        return (Node.Stmt) sample(Slot.STATEMENT, parentDepth, 1, draws);
    }

    private static Kind drawKind(boolean noConcatenate, boolean noHeight, Draws draws) {
        return KINDS[KIND_CHOICES[(noConcatenate ? 1 : 0) | (noHeight ? 2 : 0)].draw(draws)];
    }

    /** A feature's name, then (right after it) its argument if it takes one: one node. */
    private Node.Feature feature(Draws draws) {
        FeatureWord f = vocabulary.features().get(features.draw(draws));
        if (!f.takesArgument()) {
            return new Node.Feature(f);
        }
        return new Node.Feature(f, f.arguments().get(arguments[f.id()].draw(draws)));
    }

    /** The measures of a subtree drawn but not built ({@link #measureReplacement}); reused, so drawing allocates nothing. */
    static final class Measured {
        /** {@link Limits#measure}'s height, longest chain and tokens of the subtree. */
        int height, chain, tokens;
        /** The Concatenates along its top statement list's rests. */
        int topChain;
    }

    /**
     * {@link #replacement}'s draws, in the same order, with the replacement measured as
     * {@link Limits#measure} measures it instead of built: for the neighbours of a step that only
     * move the stream on, where only whether they fit the limits decides the draws that follow.
     */
    void measureReplacement(Slot slot, int oldHeight, Draws draws, Measured into) {
        into.chain = 0;
        into.tokens = 0;
        into.topChain = 0;
        switch (slot) {
            case REPEAT_COUNT -> into.height = measureCount(draws, into);
            case CONDITION, ITE_CONDITION, NOT_FEATURE -> into.height = measureCondition(slot == Slot.CONDITION, draws, into);
            default -> {
                Kind kind = drawKind(slot == Slot.FIRST_STATEMENT, false, draws);
                into.height = measureStatement(kind, oldHeight + kind.height, 1, draws, into, 0, true);
            }
        }
    }

    /** {@link #sample}, measured: {@code run} Concatenates precede the child in its list; {@code top}: the list is the replacement's own. */
    private int measureSample(Slot slot, int parentDepth, int sequence, Draws draws, Measured into, int run, boolean top) {
        switch (slot) {
            case REPEAT_COUNT:
                return measureCount(draws, into);
            case CONDITION:
            case ITE_CONDITION:
            case NOT_FEATURE:
                return measureCondition(slot == Slot.CONDITION, draws, into);
            default:
                Kind kind = drawKind(slot == Slot.FIRST_STATEMENT || sequence >= Limits.MAX_CHAIN, parentDepth >= Limits.MAX_HEIGHT, draws);
                return measureStatement(kind, parentDepth + kind.height, sequence, draws, into, run, top);
        }
    }

    private static int measureCount(Draws draws, Measured into) {
        count(draws);
        into.tokens += 1; // R=n
        return 0;
    }

    private int measureCondition(boolean notAllowed, Draws draws, Measured into) {
        if (conditions[notAllowed ? 0 : 1].draw(draws) == 1) {
            into.tokens += 3; // not c( c)
            return measureCondition(false, draws, into);
        }
        FeatureWord f = vocabulary.features().get(features.draw(draws));
        if (f.takesArgument()) arguments[f.id()].draw(draws);
        into.tokens += f.takesArgument() ? 4 : 1;
        return 0;
    }

    /** {@link #statement}, measured: the subtree's height; its tokens and chains go into {@code into}. */
    private int measureStatement(Kind kind, int depth, int sequence, Draws draws, Measured into, int run, boolean top) {
        if (kind == Kind.CONCATENATE) {
            // the first child starts lists of its own; the rest continues this one
            int first = measureSample(Slot.FIRST_STATEMENT, depth, sequence + 1, draws, into, 0, false);
            return Math.max(first, measureSample(Slot.STATEMENT, depth, sequence + 1, draws, into, run + 1, top));
        }
        into.chain = Math.max(into.chain, run); // the list ends here
        if (top) into.topChain = run;
        switch (kind) {
            case WHILE:
            case IF:
                into.tokens += 5; // WHILE c( c) w( w), IF c( c) i( i)
                measureSample(Slot.CONDITION, depth, 1, draws, into, 0, false);
                return 1 + measureSample(Slot.STATEMENT, depth, 1, draws, into, 0, false);
            case ITE: {
                into.tokens += 8; // IFELSE c( c) i( i) ELSE e( e)
                measureSample(Slot.ITE_CONDITION, depth, 1, draws, into, 0, false);
                int then = measureSample(Slot.STATEMENT, depth, 1, draws, into, 0, false);
                return 1 + Math.max(then, measureSample(Slot.STATEMENT, depth, 1, draws, into, 0, false));
            }
            case REPEAT:
                into.tokens += 3; // REPEAT r( r)
                measureSample(Slot.REPEAT_COUNT, depth, 1, draws, into, 0, false);
                return 1 + measureSample(Slot.STATEMENT, depth, 1, draws, into, 0, false);
            default:
                actions.draw(draws);
                into.tokens += 1;
                return 0;
        }
    }
}
