package io.github.llmgs.dsl;

/**
 * The reference's search-space limits. Sampling and mutation reject any program outside them, so
 * these measures decide which programs the search can ever reach.
 */
public final class Limits {

    public static final int MAX_HEIGHT = 4;
    /**
     * Bound on {@link #longestSequence}, the reference's {@code get_max_sequence}: at most 6
     * statements in one list, i.e. at most 5 nested Concatenates.
     */
    public static final int MAX_CHAIN = 6;
    public static final int MAX_TOKENS = 45;

    private Limits() {}

    /**
     * {@code height <= MAX_HEIGHT && longestSequence <= MAX_CHAIN && tokens <= MAX_TOKENS}, in one
     * walk that stops at the first limit broken: every neighbour the search draws is checked.
     */
    public static boolean withinLimits(Node.Program program) {
        Walk walk = new Walk();
        return walk.statement(program.body(), 1) && walk.tokens <= MAX_TOKENS;
    }

    /** The three measures at once; {@code depth} is the height of the statement's parent, Program counted. */
    private static final class Walk {
        int tokens = 4; // DEF run m( m)

        boolean statement(Node.Stmt s, int depth) {
            int run = 0;
            while (s instanceof Node.Concatenate c) {
                if (++run >= MAX_CHAIN || !statement(c.first(), depth)) return false;
                s = c.rest();
            }
            int height = depth + s.heightContribution();
            if (height > MAX_HEIGHT) return false;
            if (s instanceof Node.Act) {
                tokens += 1;
            } else if (s instanceof Node.While w) {
                tokens += 5; // WHILE c( c) w( w)
                return condition(w.cond()) && statement(w.body(), height);
            } else if (s instanceof Node.If i) {
                tokens += 5;
                return condition(i.cond()) && statement(i.body(), height);
            } else if (s instanceof Node.Ite t) {
                tokens += 8; // IFELSE c( c) i( i) ELSE e( e)
                return condition(t.cond()) && statement(t.then(), height) && statement(t.otherwise(), height);
            } else if (s instanceof Node.Repeat r) {
                tokens += 4; // REPEAT R=n r( r)
                return statement(r.body(), height);
            }
            return tokens <= MAX_TOKENS;
        }

        boolean condition(Node.Cond c) {
            if (c instanceof Node.Not n) {
                tokens += 3; // not c( c)
                c = n.feature();
            }
            tokens += ((Node.Feature) c).argument() != null ? 4 : 1;
            return tokens <= MAX_TOKENS;
        }
    }

    // The measures are one walk (measure): it follows a statement list (a right-nested Concatenate
    // chain as long as the list) in a loop and recurses only into bodies, so a long list costs no
    // stack. It switches on the node's type rather than iterate children(), which builds a list per
    // call: a step checks the limits of every neighbour it draws. LimitsTest holds it to the
    // generic walks over children().

    /** Own height contribution plus the tallest child: only control-flow nodes and Program count. */
    public static int height(Node node) {
        return measure(node).height();
    }

    /**
     * The longest run of Concatenates linked through {@code rest}; a statement list of n
     * statements is a run of n - 1. Lists nested inside bodies are separate runs.
     */
    public static int longestChain(Node node) {
        return measure(node).chain();
    }

    /** {@link #height}, {@link #longestChain} and {@link #tokens} of one node. */
    public record Measures(int height, int chain, int tokens) {}

    /** The three measures in one walk: a mutation checks every replacement it draws. */
    public static Measures measure(Node node) {
        Sum sum = new Sum();
        int height = sum.walk(node);
        return new Measures(height, sum.chain, sum.tokens);
    }

    /** The longest chain and the tokens so far, while the walk returns heights. */
    private static final class Sum {
        int chain;
        int tokens;

        int walk(Node node) {
            int run = 0;
            int tallest = 0;
            while (node instanceof Node.Concatenate c) {
                run++;
                tallest = Math.max(tallest, walk(c.first()));
                node = c.rest();
            }
            chain = Math.max(chain, run);
            int own;
            if (node instanceof Node.Program p) {
                tokens += 4; // DEF run m( m)
                own = 1 + walk(p.body());
            } else if (node instanceof Node.While w) {
                tokens += 5; // WHILE c( c) w( w)
                walk(w.cond());
                own = 1 + walk(w.body());
            } else if (node instanceof Node.If i) {
                tokens += 5;
                walk(i.cond());
                own = 1 + walk(i.body());
            } else if (node instanceof Node.Ite t) {
                tokens += 8; // IFELSE c( c) i( i) ELSE e( e)
                walk(t.cond());
                own = 1 + Math.max(walk(t.then()), walk(t.otherwise()));
            } else if (node instanceof Node.Repeat r) {
                tokens += 3; // REPEAT r( r), R=n its ConstInt
                walk(r.times());
                own = 1 + walk(r.body());
            } else if (node instanceof Node.Not n) {
                tokens += 3; // not c( c)
                walk(n.feature());
                own = 0;
            } else {
                tokens += node instanceof Node.Feature f && f.argument() != null ? 4 : 1; // Act, Feature, ConstInt
                own = node.heightContribution();
            }
            return Math.max(tallest, own);
        }
    }

    /**
     * The reference's chain measure ({@code get_max_sequence}): the number of statements in the
     * longest statement list, which is {@link #longestChain} + 1 (a program without any
     * Concatenate scores 1). {@link #withinLimits} bounds this one, not {@code longestChain}, or
     * a 7-statement list the reference rejects would be accepted.
     */
    public static int longestSequence(Node node) {
        return longestChain(node) + 1;
    }

    /** Number of tokens {@link Printer} writes; {@code R=5} is one token, Concatenate none. */
    public static int tokens(Node node) {
        return measure(node).tokens();
    }

    /** All nodes including the root; a feature with its argument is one node. */
    public static int nodeCount(Node node) {
        int count = 0;
        while (node instanceof Node.Concatenate c) {
            count += 1 + nodeCount(c.first());
            node = c.rest();
        }
        count++;
        for (Node child : node.children()) {
            count += nodeCount(child);
        }
        return count;
    }
}
