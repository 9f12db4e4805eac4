package io.github.llmgs.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One-neighbour mutation of spec/search.md section 2: replace a uniformly chosen non-root node by
 * a fresh subtree for its slot, drawn with the same production rules and caps as sampling, with
 * the height measured from the slot's position and a Concatenate continuing its parent chain
 * ({@link Grammar#sample}); if the result breaks a limit, pick again from the original.
 * Every node counts (Concatenate, Not, its Feature, ConstInt) because that weighting shapes which
 * neighbours hill climbing sees.
 */
public final class Mutator {

    /**
     * A replaceable node: the child-index path from the root, its slot, the depth its parent is
     * filled at, and the chain position the slot is filled at.
     */
    private record Site(int[] path, Grammar.Slot slot, int parentDepth, int sequence) {}

    private final Grammar grammar;

    public Mutator(Grammar grammar) {
        this.grammar = grammar;
    }

    public Mutator() {
        this(new Grammar());
    }

    /** A neighbour within {@link Limits}; over-limit candidates restart from the original program. */
    public Node.Program mutate(Node.Program program, RandomGenerator rng) {
        List<Site> sites = sites(program);
        while (true) {
            Site site = sites.get(rng.nextInt(sites.size()));
            Node fresh = grammar.sample(site.slot(), site.parentDepth(), site.sequence(), rng);
            Node.Program candidate = (Node.Program) replace(program, site.path(), 0, fresh);
            if (Limits.withinLimits(candidate)) {
                return candidate;
            }
        }
    }

    /** Every node but the root, in pre-order (the order the reference enumerates nodes in). */
    private static List<Site> sites(Node.Program program) {
        List<Site> out = new ArrayList<>();
        collect(program, 1, 0, new int[0], out);
        return out;
    }

    private static void collect(Node node, int depth, int sequence, int[] path, List<Site> out) {
        List<Node> children = node.children();
        int childSequence = node instanceof Node.Concatenate ? sequence + 1 : 1;
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            int[] childPath = Arrays.copyOf(path, path.length + 1);
            childPath[path.length] = i;
            out.add(new Site(childPath, Grammar.Slot.of(node, i), depth, childSequence));
            collect(child, depth + child.heightContribution(), childSequence, childPath, out);
        }
    }

    /** Rebuilds the nodes on the path; everything off the path is shared (records are immutable). */
    private static Node replace(Node node, int[] path, int level, Node fresh) {
        if (level == path.length) {
            return fresh;
        }
        int index = path[level];
        Node child = replace(node.children().get(index), path, level + 1, fresh);
        return withChild(node, index, child);
    }

    private static Node withChild(Node parent, int index, Node child) {
        if (parent instanceof Node.Program) {
            return new Node.Program((Node.Stmt) child);
        }
        if (parent instanceof Node.While w) {
            return index == 0 ? new Node.While((Node.Cond) child, w.body())
                    : new Node.While(w.cond(), (Node.Stmt) child);
        }
        if (parent instanceof Node.If f) {
            return index == 0 ? new Node.If((Node.Cond) child, f.body())
                    : new Node.If(f.cond(), (Node.Stmt) child);
        }
        if (parent instanceof Node.Ite t) {
            switch (index) {
                case 0: return new Node.Ite((Node.Cond) child, t.then(), t.otherwise());
                case 1: return new Node.Ite(t.cond(), (Node.Stmt) child, t.otherwise());
                default: return new Node.Ite(t.cond(), t.then(), (Node.Stmt) child);
            }
        }
        if (parent instanceof Node.Repeat r) {
            return index == 0 ? new Node.Repeat((Node.ConstInt) child, r.body())
                    : new Node.Repeat(r.times(), (Node.Stmt) child);
        }
        if (parent instanceof Node.Concatenate c) {
            return index == 0 ? new Node.Concatenate((Node.Stmt) child, c.rest())
                    : new Node.Concatenate(c.first(), (Node.Stmt) child);
        }
        if (parent instanceof Node.Not) {
            return new Node.Not((Node.Feature) child);
        }
        throw new IllegalArgumentException(parent + " has no children to replace");
    }
}
