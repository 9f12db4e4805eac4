package io.github.llmgs.dsl;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.RandomAccess;
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
     * (a climbing step's neighbourhood): the program's nodes are listed once for all k. Every
     * draw happens here, but a neighbour's tree is built only when the list is read at its
     * index: a step usually moves on after its first few, so most of them are never built.
     */
    public List<Node.Program> neighbours(Node.Program program, int k, Draws draws) {
        Neighbourhood n = neighbourhood(program, k, draws);
        n.drawAll();
        return n.list();
    }

    /** The same k neighbours, drawn a few at a time, so that scoring the first can start before the last are drawn. */
    public Neighbourhood neighbourhood(Node.Program program, int k, Draws draws) {
        return new Neighbourhood(program, k, draws);
    }

    /**
     * A climbing step's neighbourhood being drawn: {@link #draw} takes the next neighbours from the
     * stream, in the order {@link #neighbours} takes them all. The list holds the k neighbours;
     * reading one not yet drawn is an error. One thread draws; another may read (and so build)
     * neighbours already drawn when it was handed them, since building touches no draw.
     */
    public final class Neighbourhood {
        private final Node.Program program;
        private final Draws draws;
        private final List<Site> sites;
        private final Outside[] outside;
        private final int programTokens;
        private final Site[] at;
        private final int[] atIndex;
        private final Node[] fresh;
        private final Lazy list;
        private int drawn;

        private Neighbourhood(Node.Program program, int k, Draws draws) {
            this.program = program;
            this.draws = draws;
            this.sites = sites(program);
            this.outside = new Outside[sites.size()];
            this.programTokens = Limits.tokens(program);
            this.at = new Site[k];
            this.atIndex = new int[k];
            this.fresh = new Node[k];
            this.list = new Lazy(this);
        }

        /** Draws up to {@code count} more neighbours (fewer when the k are all drawn). */
        public void draw(int count) {
            for (int end = Math.min(at.length, drawn + count); drawn < end; drawn++) {
                while (true) {
                    int s = draws.randint(sites.size());
                    Site site = sites.get(s);
                    Node candidate = grammar.replacement(site.slot(), site.height(), draws);
                    if (outside[s] == null) outside[s] = Outside.of(program, site, programTokens);
                    if (outside[s].withinLimits(candidate)) {
                        at[drawn] = site;
                        atIndex[drawn] = s;
                        fresh[drawn] = candidate;
                        break;
                    }
                }
            }
        }

        /** Draws the rest: the stream is then where the reference's is after the step's draws. */
        public void drawAll() {
            draw(at.length - drawn);
        }

        public int drawn() {
            return drawn;
        }

        public int size() {
            return at.length;
        }

        /**
         * The node neighbour {@code i} (drawn) replaced, as its pre-order index with the program
         * at 0, the numbering of {@link io.github.llmgs.dsl.bytecode.Compiler#nodeStarts}.
         */
        public int replaced(int i) {
            if (i >= drawn) throw new IllegalStateException("neighbour " + i + " is not drawn yet");
            return atIndex[i] + 1;
        }

        /** The k neighbours, each built on first read. */
        public List<Node.Program> list() {
            return list;
        }
    }

    /** The neighbours of one step, each built on first read. */
    private static final class Lazy extends AbstractList<Node.Program> implements RandomAccess {
        private final Neighbourhood from;
        private final Node.Program[] built;

        Lazy(Neighbourhood from) {
            this.from = from;
            this.built = new Node.Program[from.at.length];
        }

        @Override
        public Node.Program get(int i) {
            Node.Program p = built[i];
            if (p == null) {
                Site site = from.at[i];
                if (site == null) throw new IllegalStateException("neighbour " + i + " is not drawn yet");
                p = built[i] = (Node.Program) replace(from.program, site, from.fresh[i]);
            }
            return p;
        }

        @Override
        public int size() {
            return built.length;
        }
    }

    /**
     * What {@link Limits#withinLimits} measures on a program whose node at one site is replaced,
     * taken apart: the measures of everything outside the site (the site holding a bare action,
     * which adds no height, chain or token beyond its place), the statement-list run the site
     * continues, and the tokens outside it. A replacement is then checked without building the
     * tree: height max(outside, depth + its height), chain max(outside, run + its top chain, its
     * own longest), tokens outside + its own.
     */
    private record Outside(int height, int chain, int run, int parentDepth, int tokens) {
        static Outside of(Node.Program program, Site site, int programTokens) {
            int tokens = programTokens - Limits.tokens(site.node());
            if (!(site.node() instanceof Node.Stmt)) {
                // a condition, feature or count holds no statement: no height or chain changes
                return new Outside(Limits.height(program), Limits.longestChain(program), 0, site.parentDepth(), tokens);
            }
            Node.Program bare = (Node.Program) replace(program, site, new Node.Act(null));
            int run = 0;
            for (Site s = site; s != null; s = s.parent()) {
                Node parent = s.parent() == null ? program : s.parent().node();
                if (!(parent instanceof Node.Concatenate) || s.index() != 1) break;
                run++;
            }
            return new Outside(Limits.height(bare), Limits.longestChain(bare), run, site.parentDepth(), tokens);
        }

        boolean withinLimits(Node fresh) {
            int topChain = 0;
            for (Node n = fresh; n instanceof Node.Concatenate c; n = c.rest()) topChain++;
            Limits.Measures m = Limits.measure(fresh);
            return Math.max(height, parentDepth + m.height()) <= Limits.MAX_HEIGHT
                    && Math.max(chain, Math.max(run + topChain, m.chain())) < Limits.MAX_CHAIN
                    && tokens + m.tokens() <= Limits.MAX_TOKENS;
        }
    }

    /** The same check as {@link #neighbours} makes, exposed for the test that holds it to {@link Limits#withinLimits}. */
    static boolean withinLimitsApart(Node.Program program, int siteIndex, Node fresh) {
        Site site = sites(program).get(siteIndex);
        return Outside.of(program, site, Limits.tokens(program)).withinLimits(fresh);
    }

    /** Replaces the node at pre-order site {@code siteIndex} (for that test). */
    static Node.Program replaceAt(Node.Program program, int siteIndex, Node fresh) {
        return (Node.Program) replace(program, sites(program).get(siteIndex), fresh);
    }

    /** Pre-order sites of a program: their count, slots and heights (for that test). */
    static int siteCount(Node.Program program) {
        return sites(program).size();
    }

    static Grammar.Slot slotAt(Node.Program program, int siteIndex) {
        return sites(program).get(siteIndex).slot();
    }

    static int heightAt(Node.Program program, int siteIndex) {
        return sites(program).get(siteIndex).height();
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
