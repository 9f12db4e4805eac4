package io.github.llmgs.dsl;

import java.util.ArrayList;
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
     * A replaceable node: the site of its parent (null for the root's children) and its index
     * there, its slot, the depth its parent is filled at, and the chain position the slot is
     * filled at. Parent links rather than copied paths keep a long program's sites linear in size.
     */
    private record Site(Site parent, int index, Grammar.Slot slot, int parentDepth, int sequence, Node node) {
        /** The replaced node's height: its own 1-or-0 plus its ancestors', Program included. */
        int height() {
            return parentDepth + node.heightContribution();
        }
    }

    private final Grammar grammar;

    public Mutator(Grammar grammar) {
        this.grammar = grammar;
    }

    public Mutator() {
        this(new Grammar());
    }

    /** A neighbour within {@link Limits}; over-limit candidates restart from the original program. */
    public Node.Program mutate(Node.Program program, RandomGenerator rng) {
        return mutate(program, Draws.of(rng));
    }

    /**
     * A neighbour drawn as the reference draws one (spec/search.md section 6): a node picked by
     * {@code randint} among the pre-order listing, its replacement from {@link Grammar#replacement}.
     */
    public Node.Program mutate(Node.Program program, Draws draws) {
        return mutate(program, sites(program), draws);
    }

    /**
     * {@code k} neighbours of one program, drawn one after another as {@link #mutate} draws them
     * (a climbing step's neighbourhood): the program's nodes are listed once for all k.
     */
    public List<Node.Program> neighbours(Node.Program program, int k, Draws draws) {
        List<Site> sites = sites(program);
        List<Node.Program> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(mutate(program, sites, draws));
        }
        return out;
    }

    private Node.Program mutate(Node.Program program, List<Site> sites, Draws draws) {
        while (true) {
            Site site = sites.get(draws.randint(sites.size()));
            Node fresh = grammar.replacement(site.slot(), site.height(), draws);
            Node.Program candidate = (Node.Program) replace(program, site, fresh);
            if (Limits.withinLimits(candidate)) {
                return candidate;
            }
        }
    }

    /** Every node but the root, in pre-order (the order the reference enumerates nodes in). */
    private static List<Site> sites(Node.Program program) {
        List<Site> out = new ArrayList<>();
        collect(program, null, 1, 0, out);
        return out;
    }

    private static void collect(Node node, Site at, int depth, int sequence, List<Site> out) {
        // A Concatenate's rest is its last child, so visiting it is a tail call: a loop, which
        // keeps a long statement list off the stack.
        while (true) {
            List<Node> children = node.children();
            int childSequence = node instanceof Node.Concatenate ? sequence + 1 : 1;
            Node tail = null;
            Site tailSite = null;
            for (int i = 0; i < children.size(); i++) {
                Node child = children.get(i);
                Site site = new Site(at, i, Grammar.Slot.of(node, i), depth, childSequence, child);
                out.add(site);
                if (node instanceof Node.Concatenate && i == children.size() - 1) {
                    tail = child;
                    tailSite = site;
                } else {
                    collect(child, site, depth + child.heightContribution(), childSequence, out);
                }
            }
            if (tail == null) {
                return;
            }
            depth += tail.heightContribution();
            sequence = childSequence;
            node = tail;
            at = tailSite;
        }
    }

    /** Rebuilds the nodes on the root-to-site path; everything off it is shared (records are immutable). */
    private static Node replace(Node.Program program, Site site, Node fresh) {
        // up the parent links: each site's parent node is the node of the site above it
        Node rebuilt = fresh;
        for (Site s = site; s != null; s = s.parent()) {
            rebuilt = withChild(s.parent() == null ? program : s.parent().node(), s.index(), rebuilt);
        }
        return rebuilt;
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
