package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * One episode with every executed action, as traces.jsonl records it, and the world it ended in:
 * what {@link MiniGridEpisodes#trace} returns, so that the vectors' traces are checked on every
 * backend (the oracle and the VM log their steps; the kernel writes them in its trace build).
 */
public record MiniGridTrace(List<Step> steps, MiniGridWorld end, EpisodeResult result) {
    public MiniGridTrace {
        steps = List.copyOf(steps);
    }

    /**
     * One executed action and the state after it: the agent's pose, what it carries
     * ({@code "type:color"} or null), the step's reward, whether it terminated, and the wrapper's
     * calls and crash flag once the action was counted.
     */
    public record Step(Action action, int x, int y, int dir, String carrying, double reward, boolean terminated, int calls,
                       boolean crashed) {
        /** traces.jsonl's fields in its order, one comparable line. */
        public String text() {
            return text(action.token(), x, y, dir, carrying, reward, terminated, calls, crashed);
        }

        static String text(String action, int x, int y, int dir, String carrying, double reward, boolean terminated, int calls,
                           boolean crashed) {
            return action + " -> x=" + x + " y=" + y + " dir=" + dir + " carrying=" + carrying + " reward=" + reward
                    + " terminated=" + terminated + " calls=" + calls + " crashed=" + crashed;
        }
    }

    /** A step log that records the actions of an episode run on the Java backends. */
    static final class Recorder implements MiniGridStepLog {
        final List<Step> steps = new ArrayList<>();

        @Override
        public void action(Action a, MiniGridWorld w, double reward, boolean terminated, int calls, boolean crashed) {
            steps.add(new Step(a, w.agentX, w.agentY, w.agentDir, w.carryingText(), reward, terminated, calls, crashed));
        }

        @Override
        public void condition(Feature feature, int argument, boolean value, int calls, boolean crashed) {}
    }
}
