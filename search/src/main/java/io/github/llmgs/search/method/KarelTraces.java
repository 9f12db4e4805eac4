package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.StepLog;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.World;
import io.github.llmgs.llm.EpisodeTrace;
import java.util.ArrayList;
import java.util.List;

/** Karel's worst episodes, replayed on the tree-walking oracle with its step log (as {@code eval --trace}). */
public final class KarelTraces implements TraceSource {
    private static final String[] FACING = {"north", "east", "south", "west"};

    private final Task task;
    private final List<TaskInstance> instances;
    private final int maxCalls;

    public KarelTraces(Task task, List<TaskInstance> instances, int maxCalls) {
        this.task = task;
        this.instances = List.copyOf(instances);
        this.maxCalls = maxCalls;
    }

    @Override
    public EpisodeTrace worst(Node.Program program) {
        TreeWalker walker = new TreeWalker(maxCalls);
        int worst = 0;
        double worstReturn = Double.POSITIVE_INFINITY, sum = 0;
        for (int i = 0; i < instances.size(); i++) {
            double r = walker.run(program, task, instances.get(i)).ret();
            sum += r;
            if (r < worstReturn) {
                worstReturn = r;
                worst = i;
            }
        }
        TaskInstance instance = instances.get(worst);
        World start = new World(instance.rows(), instance.cols());
        start.load(instance, maxCalls);
        Recorder log = new Recorder();
        double ret = walker.run(program, task, instance, log).ret();
        int[] lines = StepLines.of(program, log.events);
        List<EpisodeTrace.Step> steps = new ArrayList<>();
        for (int i = 0; i < log.events.size() && i < EpisodeTrace.MAX_STEPS; i++) {
            StepLines.Event e = log.events.get(i);
            steps.add(new EpisodeTrace.Step(e.action(), e.action() ? e.token() : e.token() + "()",
                    e.action() ? null : e.value(), log.views.get(i), log.rewards.get(i), lines[i]));
        }
        return new EpisodeTrace(worst, initial(start), steps, log.total, ret, sum / instances.size());
    }

    private static String initial(World w) {
        return "the whole map, row 0 at the top ('#' wall, '.' empty, 1-9 markers, 'A' ten markers, the agent as "
                + "^ > v < facing north, east, south, west; the agent is at (" + w.row + ", " + w.col + ") facing "
                + FACING[w.dir] + " on " + markers(w.markers[w.heroCell()]) + "):\n" + w.toAscii();
    }

    /** The 3x3 block around the agent, each cell named with its (row, col). */
    static String view(World w) {
        StringBuilder sb = new StringBuilder();
        for (int r = w.row - 1; r <= w.row + 1; r++) {
            for (int c = w.col - 1; c <= w.col + 1; c++) {
                if (sb.length() > 0) sb.append("; ");
                sb.append('(').append(r).append(", ").append(c).append(") ");
                boolean inside = r >= 0 && r < w.rows && c >= 0 && c < w.cols;
                int m = inside ? w.markers[r * w.cols + c] : 0;
                if (r == w.row && c == w.col) {
                    sb.append("agent facing ").append(FACING[w.dir]).append(m > 0 ? ", " + markers(m) : "");
                } else if (!inside || w.wall[r * w.cols + c]) {
                    sb.append("wall");
                } else {
                    sb.append(m == 0 ? "empty" : markers(m));
                }
            }
        }
        return sb.toString();
    }

    private static String markers(int m) {
        return m == 0 ? "no marker" : m == 1 ? "1 marker" : m + " markers";
    }

    /** Keeps the first steps in detail (and one more, for the line walk) and counts them all. */
    private static final class Recorder implements StepLog {
        final List<StepLines.Event> events = new ArrayList<>();
        final List<String> views = new ArrayList<>();
        final List<Double> rewards = new ArrayList<>();
        int total;

        @Override
        public void action(String action, World w, double reward, boolean terminated) {
            if (keep()) {
                events.add(new StepLines.Event(true, action, false, w.crashed, terminated || w.crashed, null));
                views.add(view(w));
                rewards.add(reward);
            }
        }

        @Override
        public void condition(String condition, boolean value, World w) {
            if (keep()) {
                events.add(new StepLines.Event(false, condition, value, w.crashed, false, w.stateDigits()));
                views.add(view(w));
                rewards.add(0.0);
            }
        }

        private boolean keep() {
            return total++ < EpisodeTrace.MAX_STEPS;
        }
    }

}
