package io.github.llmgs.search.method;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.engine.minigrid.Color;
import io.github.llmgs.engine.minigrid.MiniGridStepLog;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridWalker;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.engine.minigrid.ObjectType;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import io.github.llmgs.llm.EpisodeTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * MiniGrid's worst episodes, replayed on the oracle with its step log (as {@code eval --trace}).
 * Cells are named (row, col) = (y, x), as the prompts' Karel cells are.
 */
public final class MiniGridTraces implements TraceSource {
    private static final String[] FACING = {"east", "south", "west", "north"};
    private static final String ARROWS = ">v<^";

    private final MiniGridTask task;
    private final long[] seeds;
    private final int maxCalls;

    public MiniGridTraces(MiniGridTask task, long[] seeds, int maxCalls) {
        this.task = task;
        this.seeds = seeds.clone();
        this.maxCalls = maxCalls;
    }

    @Override
    public EpisodeTrace worst(Node.Program program) {
        int worst = 0;
        double worstReturn = Double.POSITIVE_INFINITY, sum = 0;
        for (int i = 0; i < seeds.length; i++) {
            double r = new MiniGridWalker(new ProgramWrapper(MiniGridWorld.generate(task, seeds[i]), maxCalls)).run(program).ret();
            sum += r;
            if (r < worstReturn) {
                worstReturn = r;
                worst = i;
            }
        }
        MiniGridWorld start = MiniGridWorld.generate(task, seeds[worst]);
        ProgramWrapper wrapper = new ProgramWrapper(start, maxCalls);
        Recorder log = new Recorder(wrapper);
        wrapper.logTo(log);
        double ret = new MiniGridWalker(wrapper).run(program).ret();
        int[] lines = StepLines.of(program, log.events);
        List<EpisodeTrace.Step> steps = new ArrayList<>();
        for (int i = 0; i < log.events.size() && i < EpisodeTrace.MAX_STEPS; i++) {
            StepLines.Event e = log.events.get(i);
            steps.add(new EpisodeTrace.Step(e.action(), log.names.get(i), e.action() ? null : e.value(), log.views.get(i),
                    log.rewards.get(i), lines[i]));
        }
        return new EpisodeTrace(worst, initial(start), steps, log.total, ret, sum / seeds.length);
    }

    private static String initial(MiniGridWorld w) {
        StringBuilder sb = new StringBuilder("the whole map, row (y) 0 at the top, two characters a cell (the type's "
                + "letter and the colour's; the agent drawn as >> vv << ^^); the agent is at (" + w.agentY + ", "
                + w.agentX + ") facing " + FACING[w.agentDir & 3] + ", carrying "
                + (w.carryingText() == null ? "nothing" : w.carryingText()) + ":\n");
        List<String> rows = w.render();
        String agent = String.valueOf(ARROWS.charAt(w.agentDir & 3)).repeat(2);
        for (int y = 0; y < rows.size(); y++) {
            String r = rows.get(y);
            sb.append(y == w.agentY ? r.substring(0, 2 * w.agentX) + agent + r.substring(2 * w.agentX + 2) : r).append('\n');
        }
        return sb.toString();
    }

    /** The 3x3 block around the agent, each cell named with its (row, col). */
    static String view(MiniGridWorld w) {
        StringBuilder sb = new StringBuilder();
        for (int y = w.agentY - 1; y <= w.agentY + 1; y++) {
            for (int x = w.agentX - 1; x <= w.agentX + 1; x++) {
                if (sb.length() > 0) sb.append("; ");
                sb.append('(').append(y).append(", ").append(x).append(") ");
                boolean inside = x >= 0 && x < w.width && y >= 0 && y < w.height;
                String cell = inside ? cell(w, x, y) : "wall";
                if (x == w.agentX && y == w.agentY) {
                    sb.append("agent facing ").append(FACING[w.agentDir & 3]).append(", carrying ")
                            .append(w.carryingText() == null ? "nothing" : w.carryingText())
                            .append(cell.equals("empty") ? "" : ", on " + cell);
                } else {
                    sb.append(cell);
                }
            }
        }
        return sb.toString();
    }

    private static String cell(MiniGridWorld w, int x, int y) {
        int type = w.typeAt(x, y);
        if (type == ObjectType.NONE || type == ObjectType.EMPTY) return "empty";
        String name = ObjectType.name(type);
        if (type == ObjectType.WALL || type == ObjectType.GOAL || type == ObjectType.LAVA || type == ObjectType.FLOOR) return name;
        String colored = Color.name(w.colorAt(x, y)) + " " + name;
        if (type != ObjectType.DOOR) return colored;
        int s = w.stateAt(x, y);
        return colored + (s == ObjectType.DOOR_OPEN ? " (open)" : s == ObjectType.DOOR_LOCKED ? " (locked)" : " (closed)");
    }

    /** As a program writes a feature: {@code front_object_type("ball")}. */
    private static String call(Feature feature, int argument) {
        if (!feature.takesArgument()) return feature.token() + "()";
        String word = argument < 0 ? "?" : feature == Feature.FRONT_OBJECT_TYPE ? ObjectType.name(argument) : Color.name(argument);
        return feature.token() + "(\"" + word + "\")";
    }

    /** Keeps the first steps in detail and counts them all. */
    private static final class Recorder implements MiniGridStepLog {
        final ProgramWrapper wrapper;
        final List<StepLines.Event> events = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> views = new ArrayList<>();
        final List<Double> rewards = new ArrayList<>();
        int total;

        Recorder(ProgramWrapper wrapper) {
            this.wrapper = wrapper;
        }

        @Override
        public void action(Action action, MiniGridWorld w, double reward, boolean terminated, int calls, boolean crashed) {
            if (total++ >= EpisodeTrace.MAX_STEPS) return;
            events.add(new StepLines.Event(true, action.token(), false, crashed, terminated, null));
            names.add(action.token());
            views.add(view(w));
            rewards.add(reward);
        }

        @Override
        public void condition(Feature feature, int argument, boolean value, int calls, boolean crashed) {
            if (total++ >= EpisodeTrace.MAX_STEPS) return;
            MiniGridWorld w = wrapper.world();
            events.add(new StepLines.Event(false, feature.token(), value, crashed, false, w.stateKey()));
            names.add(call(feature, argument));
            views.add(view(w));
            rewards.add(0.0);
        }
    }
}
