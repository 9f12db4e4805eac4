package io.github.llmgs.llm;

import io.github.llmgs.dsl.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The prompts of a revision round (spec/llm.md, "Revision variants"): the usual system message,
 * and a user message made of the task's description and request as in the first round, then the
 * variant's context and the request to write a better program.
 */
public final class RevisionPrompts {
    private RevisionPrompts() {}

    /** A program of the previous round with its mean return. */
    public record Scored(Node.Program program, double score) {}

    /**
     * What a revision round shows the model.
     *
     * @param previous the previous round's programs with their scores, in the order they were
     *                 evaluated (regeneration lists them so, without a hint of their scores)
     * @param trace    the round's best program's worst episode; required by the trace variants
     */
    public record Context(RevisionVariant variant, List<Scored> previous, EpisodeTrace trace) {
        public Context {
            previous = List.copyOf(previous);
            if (variant.needsTrace() && trace == null) {
                throw new IllegalArgumentException(variant.id() + " needs the best program's episode trace");
            }
            if (variant.needsTrace() && previous.isEmpty()) {
                throw new IllegalArgumentException(variant.id() + " needs the round's best program");
            }
        }

        /** The programs best first, equal scores in the order they were evaluated (a stable sort). */
        public List<Scored> ranked() {
            List<Scored> r = new ArrayList<>(previous);
            r.sort(java.util.Comparator.comparingDouble(Scored::score).reversed());
            return r;
        }

        /** The round's best program (the first evaluated of the best): the one the trace replays. */
        public Node.Program best() {
            return ranked().get(0).program();
        }
    }

    /** The system message and the revision round's user message. */
    public static List<ChatMessage> forRevision(String taskName, PromptMode mode, Context context) {
        List<ChatMessage> first = Prompts.forTask(taskName, mode);
        String user = first.get(1).content() + "\n" + context(context)
                + "\nWrite one better program for this task, in the same answer format as asked above.\n";
        return List.of(first.get(0), ChatMessage.user(user));
    }

    /** The variant's context alone, as the user message carries it. */
    public static String context(Context c) {
        return switch (c.variant()) {
            case REGENERATION -> regeneration(c.previous());
            case REGENERATION_WITH_REWARD -> withReward(c.ranked());
            case AGENT_TRACE -> trace(c.trace(), null);
            case AGENT_PROGRAM_TRACE -> trace(c.trace(), DslToPython.lines(c.best()));
        };
    }

    private static String regeneration(List<Scored> previous) {
        StringBuilder sb = new StringBuilder("These are the programs you wrote in the previous round:\n\n");
        int i = 1;
        for (Node.Program p : distinct(previous)) {
            sb.append("Program ").append(i++).append(":\n```python\n").append(DslToPython.print(p)).append("```\n\n");
        }
        return sb.toString();
    }

    private static String withReward(List<Scored> previous) {
        StringBuilder sb = new StringBuilder("These are the programs you wrote in the previous round with their scores "
                + "(mean return over the task's instances), best first:\n\n");
        Set<Node.Program> seen = new LinkedHashSet<>();
        int i = 1;
        for (Scored s : previous) {
            if (!seen.add(s.program())) continue;
            sb.append("Program ").append(i++).append(" (score ").append(number(s.score())).append("):\n```python\n")
                    .append(DslToPython.print(s.program())).append("```\n\n");
        }
        return sb.toString();
    }

    private static List<Node.Program> distinct(List<Scored> previous) {
        Set<Node.Program> seen = new LinkedHashSet<>();
        for (Scored s : previous) seen.add(s.program());
        return new ArrayList<>(seen);
    }

    /** The episode, and with {@code listing} the program at every step with the line that ran marked. */
    private static String trace(EpisodeTrace t, List<String> listing) {
        StringBuilder sb = new StringBuilder();
        sb.append("The best program of the previous round has a mean score of ").append(number(t.meanScore()))
                .append(". Its worst episode is on instance ").append(t.instance()).append(", with a return of ")
                .append(number(t.episodeReturn())).append(". This is that episode, step by step");
        sb.append(t.totalSteps() > t.steps().size()
                ? " (the first " + t.steps().size() + " of its " + t.totalSteps() + " steps; the rest are cut)"
                : " (all " + t.totalSteps() + " steps)");
        sb.append(". A step is an action or a perception; after each step come the 3x3 cells around the agent.\n\n");
        sb.append("Initial state:\n").append(t.initialWorld());
        if (!t.initialWorld().endsWith("\n")) sb.append('\n');
        int k = 1;
        for (EpisodeTrace.Step s : t.steps()) {
            sb.append("\nStep ").append(k++).append(": ");
            sb.append(s.action() ? "action " + s.name() : "perception " + s.name() + " is " + s.result());
            if (s.reward() != 0.0) sb.append(", reward ").append(number(s.reward()));
            sb.append('\n');
            if (listing != null) sb.append(marked(listing, s.line()));
            sb.append("After it: ").append(s.view()).append('\n');
        }
        return sb.toString();
    }

    /** The marker a program listing puts before the line that runs at a step. */
    public static final String MARK = ">> ";

    /** The listing with {@link #MARK} before line {@code line} (1-based) and spaces before the others. */
    public static String marked(List<String> listing, int line) {
        StringBuilder sb = new StringBuilder("```python\n");
        for (int i = 0; i < listing.size(); i++) {
            sb.append(i + 1 == line ? MARK : " ".repeat(MARK.length())).append(listing.get(i)).append('\n');
        }
        return sb.append("```\n").toString();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    }
}
