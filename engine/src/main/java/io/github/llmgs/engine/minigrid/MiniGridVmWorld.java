package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.engine.vm.VmWorld;

/**
 * {@link ProgramWrapper} for the bytecode VM: the same calls, crash flag and reward collection
 * (spec/minigrid.md section 7), driven by action ids and conditions instead of AST nodes, over a
 * world reset by copying, so an episode allocates nothing. The VM's loop supplies what
 * {@link MiniGridWalker} does with the tree: WHILE histories (its WHILE memory, keyed by
 * {@link #stateKey}) and stopping at once when a step terminated ({@link #act} returns true).
 */
public final class MiniGridVmWorld implements VmWorld {
    private static final Action[] ACTIONS = Action.values();
    private static final Feature[] FEATURES = Feature.values();
    /** Multiplier of the polynomial hash streamed over the state key (as Karel's World.KEY_BASE). */
    private static final long KEY_BASE = 0x9E3779B97F4A7C15L;

    private final MiniGridWorld world;
    private final int maxCalls;
    private MiniGridStepLog log;

    private int numCalls;
    private boolean crashed;
    private boolean terminated;
    private int steps;
    private double total;

    public MiniGridVmWorld(MiniGridTask task, int maxCalls) {
        if (maxCalls < 1) throw new IllegalArgumentException("max_calls must be >= 1, got " + maxCalls);
        this.world = new MiniGridWorld(task);
        this.maxCalls = maxCalls;
    }

    /** Starts an episode on {@code start}, the instance's state after {@code reset(seed)} (not changed). */
    public void reset(MiniGridWorld start) {
        world.copyFrom(start);
        numCalls = 0;
        crashed = false;
        terminated = false;
        steps = 0;
        total = 0.0;
    }

    /** Reports later actions and features to {@code log} (null stops reporting). */
    public void logTo(MiniGridStepLog log) {
        this.log = log;
    }

    @Override
    public boolean crashed() {
        return crashed;
    }

    /** ProgramWrapper.act: the call that reaches the limit still steps; termination crashes and ends the walk. */
    @Override
    public boolean act(int action) {
        Action a = ACTIONS[action];
        numCalls++;
        world.step(a);
        terminated = world.terminated;
        // run_action's "state unchanged" test adds crash_penalty 0.0: no observable effect
        if (numCalls >= maxCalls) {
            crashed = true;
        }
        steps++;
        if (terminated) {
            crashed = true;
        }
        total += world.reward;
        if (log != null) {
            log.action(a, world, world.reward, terminated, numCalls, crashed);
        }
        return terminated;
    }

    /** ProgramWrapper.sense: counted (and crashing at the limit) before it is evaluated. */
    @Override
    public boolean perceiveAndCount(int condition) {
        numCalls++;
        if (numCalls >= maxCalls) {
            crashed = true;
        }
        boolean value = perceive(condition);
        if (log != null) {
            log.condition(FEATURES[Vocabulary.featureOf(condition)], Vocabulary.argumentOf(condition), value, numCalls, crashed);
        }
        return value;
    }

    /**
     * A condition is a feature id and, for a feature with an argument, the word's value: a type
     * or colour index, or -1 for a word that names nothing, which no cell matches.
     */
    boolean perceive(int condition) {
        return world.sense(FEATURES[Vocabulary.featureOf(condition)], Vocabulary.argumentOf(condition));
    }

    /**
     * {@link StateKey}'s fields streamed into one 64-bit polynomial hash (as Karel's state key):
     * every cell's (type, colour, state), the agent's position, direction and LavaGap's
     * array-position flag; not what is carried.
     */
    @Override
    public long stateKey() {
        MiniGridWorld w = world;
        long h = 0;
        for (int c = 0; c < w.type.length; c++) {
            h = h * KEY_BASE + ((w.type[c] << 8 | w.color[c] << 4 | w.state[c]) + 1);
        }
        h = h * KEY_BASE + (w.agentX + 1);
        h = h * KEY_BASE + (w.agentY + 1);
        h = h * KEY_BASE + (w.agentDir + 1);
        return h * KEY_BASE + (w.agentPosIsArray ? 2 : 1);
    }

    @Override
    public void crash() {
        crashed = true;
    }

    @Override
    public boolean callLimitReached() {
        return numCalls >= maxCalls;
    }

    /** The live world, for logs and failure messages; the VM must not change it. */
    public MiniGridWorld world() {
        return world;
    }

    public double total() {
        return total;
    }

    public EpisodeResult result() {
        return new EpisodeResult(total, steps, numCalls, crashed, terminated);
    }
}
