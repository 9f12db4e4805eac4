package io.github.llmgs.search.picture;

/**
 * One frame of an episode: frame 0 is the start world ({@code action} "start"), frame k the world
 * after the k-th executed action, with that step's reward and the return so far. {@code status}
 * is what else the step log says about it ("END", "CRASHED", what the agent carries), or "".
 */
public record Frame(int step, String action, double reward, double ret, String status, Scene scene) {
    public static final String START = "start";

    /** "step 3  move  r=0.25  return 0.75  END" */
    public String caption() {
        String head = "step " + step + "  " + action;
        String numbers = step == 0 ? "  return " + Num.fmt(ret) : "  r=" + Num.fmt(reward) + "  return " + Num.fmt(ret);
        return head + numbers + (status.isEmpty() ? "" : "  " + status);
    }
}
