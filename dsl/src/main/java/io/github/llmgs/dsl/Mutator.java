package io.github.llmgs.dsl;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.RandomAccess;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
    /** The fewest neighbours worth a scout's part of a step's rest: fewer cost more to hand over than to draw. */
    static final int SCOUTED_PART = 256;
    /** Neighbours a scout may draw past its part's estimated end, as the words per neighbour vary. */
    static final int SCOUT_MARGIN = 64;

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
        private final int programTokens;
        private final Site[] at;
        private final int[] atIndex;
        private final Node[] fresh;
        private final Lazy list;
        private final Drawer own;
        /** Where the stream was before the first neighbour, or -1 if it cannot say. */
        private final long start;
        private int drawn;
        /**
         * The greatest common divisor of where the neighbours so far left the stream, from its
         * start: every neighbour moves it by a multiple of it (a double reads two words, so a
         * program with one node, which takes no draw for the pick, moves it by even counts only),
         * and a scout placed off that lattice would never meet the step's draws.
         */
        private long step;
        /** Neighbours kept: those past it were skipped ({@link #skipRest}). */
        private int kept;

        private Neighbourhood(Node.Program program, int k, Draws draws) {
            this.program = program;
            this.draws = draws;
            this.sites = sites(program);
            this.programTokens = Limits.tokens(program);
            this.own = new Drawer(draws);
            this.start = draws instanceof Draws.Positioned p ? p.position() : -1;
            this.kept = k;
            this.at = new Site[k];
            this.atIndex = new int[k];
            this.fresh = new Node[k];
            this.list = new Lazy(this);
        }

        /** Draws up to {@code count} more neighbours (fewer when the k are all drawn). */
        public void draw(int count) {
            for (int end = Math.min(at.length, drawn + count); drawn < end; drawn++) {
                own.next();
                if (start >= 0) step = gcd(step, ((Draws.Positioned) draws).position() - start);
                at[drawn] = sites.get(own.site);
                atIndex[drawn] = own.site;
                fresh[drawn] = own.fresh;
            }
        }

        /** Draws the rest: the stream is then where the reference's is after the step's draws. */
        public void drawAll() {
            draw(at.length - drawn);
        }

        /**
         * Moves the stream past the rest of the k, exactly as {@link #drawAll} does, without
         * keeping them (a step that has moved on never reads them): up to {@code scouts} helper
         * threads of {@code helpers} draw the far parts from copies of the stream placed ahead
         * ({@link Scout}), while this thread draws from where the step is until it reaches a
         * position a scout has drawn from, and skips on from there. A rest too short to share,
         * or a stream that cannot be copied, is drawn here alone.
         */
        public void skipRest(Executor helpers, int scouts) {
            int rest = at.length - drawn;
            int parts = scoutsWanted(scouts) + 1;
            kept = drawn;
            if (parts < 2 || step == 0 || !(draws instanceof Draws.Positioned stream)) {
                for (; drawn < at.length; drawn++) own.pass();
                return;
            }
            long here = stream.position();
            double perNeighbour = (double) (here - start) / drawn;
            Scout[] team = new Scout[parts - 1];
            for (int j = team.length; j >= 1; j--) {
                int skipped = (int) ((long) rest * j / parts); // neighbours before this scout's part
                Draws.Positioned copy = stream.copy();
                copy.skip(Math.round(perNeighbour * skipped / step) * step);
                Drawer drawer = new Drawer(copy);
                team[j - 1] = new Scout(copy, drawer::pass, j < team.length ? team[j] : null, rest - skipped + SCOUT_MARGIN);
            }
            for (Scout scout : team) {
                try {
                    helpers.execute(scout);
                } catch (RejectedExecutionException e) {
                    scout.abandon();
                }
            }
            try {
                walk(stream, team);
            } finally {
                for (Scout scout : team) scout.stop();
            }
        }

        /** Of {@code available} scouts, those {@link #skipRest} would put to work on the rest now. */
        public int scoutsWanted(int available) {
            return Math.max(0, Math.min(available, (at.length - drawn) / SCOUTED_PART - 1));
        }

        /** The step's own draws, and its skips along the scouts' positions, to the k-th neighbour. */
        private void walk(Draws.Positioned stream, Scout[] team) {
            long position = stream.position();
            while (drawn < at.length) {
                Scout on = null;
                int entry = -1;
                for (int j = team.length - 1; j >= 0 && entry < 0; j--) { // the furthest scout first: its list goes on longest
                    entry = team[j].find(position);
                    on = team[j];
                }
                if (entry >= 0) {
                    int wanted = entry + at.length - drawn;
                    int last = Math.min(wanted, on.await(wanted + 1) - 1);
                    drawn += last - entry;
                    position = on.position(last);
                    continue;
                }
                if (stream.position() < position) stream.skip(position - stream.position());
                own.pass();
                drawn++;
                position = stream.position();
            }
            if (stream.position() < position) stream.skip(position - stream.position());
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
            if (i >= kept) throw new IllegalStateException("neighbour " + i + " was skipped, not kept");
            return atIndex[i] + 1;
        }

        /** The k neighbours, each built on first read. */
        public List<Node.Program> list() {
            return list;
        }

        /**
         * Draws neighbours of the step's program from one stream: the step's own, or a scout's
         * copy. What it draws depends only on where the stream is, never on what was drawn before.
         */
        private final class Drawer {
            private final Draws from;
            /** Per site, what lies outside it, measured on first use. */
            private final Outside[] outside = new Outside[sites.size()];
            private final Grammar.Measured measured = new Grammar.Measured();
            /** The last neighbour: the index of the site it replaced, and its replacement. */
            int site;
            Node fresh;

            Drawer(Draws from) {
                this.from = from;
            }

            void next() {
                while (true) {
                    int s = from.randint(sites.size());
                    Site at = sites.get(s);
                    Node candidate = grammar.replacement(at.slot(), at.height(), from);
                    if (outside(s).withinLimits(candidate)) {
                        site = s;
                        fresh = candidate;
                        return;
                    }
                }
            }

            /** The same draws as {@link #next}, the replacement measured but not built: a neighbour not kept. */
            void pass() {
                while (true) {
                    int s = from.randint(sites.size());
                    Site at = sites.get(s);
                    grammar.measureReplacement(at.slot(), at.height(), from, measured);
                    if (outside(s).withinLimits(measured)) return;
                }
            }

            private Outside outside(int s) {
                if (outside[s] == null) outside[s] = Outside.of(program, sites.get(s), programTokens);
                return outside[s];
            }
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
                if (i >= from.kept) throw new IllegalStateException("neighbour " + i + " was skipped, not kept");
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
            return withinLimits(m.height(), m.chain(), m.tokens(), topChain);
        }

        /** The same check on a replacement measured but not built ({@link Grammar#measureReplacement}). */
        boolean withinLimits(Grammar.Measured fresh) {
            return withinLimits(fresh.height, fresh.chain, fresh.tokens, fresh.topChain);
        }

        private boolean withinLimits(int freshHeight, int freshChain, int freshTokens, int topChain) {
            return Math.max(height, parentDepth + freshHeight) <= Limits.MAX_HEIGHT
                    && Math.max(chain, Math.max(run + topChain, freshChain)) < Limits.MAX_CHAIN
                    && tokens + freshTokens <= Limits.MAX_TOKENS;
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

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
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
