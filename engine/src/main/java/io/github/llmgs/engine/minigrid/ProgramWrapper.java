package io.github.llmgs.engine.minigrid;

import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;

import java.util.Set;

/**
 * The reference's {@code ProgramWrapper} with {@code evaluate_program}'s loop folded in
 * (spec/minigrid.md sections 7 and 10), for an interpreter that walks a program and calls
 * {@link #act}, {@link #sense} and, at a WHILE head, {@link #whileHeadRepeats}.
 *
 * <p>The reference runs the program as a generator and collects the reward after each yielded
 * action, stopping the generator for good when that step terminated. Here {@link #act} does the
 * collection itself; once {@link #over()} is true the interpreter must stop (nothing after it
 * is evaluated in the reference, so nothing may be counted here: {@link #act} and {@link #sense}
 * then refuse). A crash without termination does not stop the walk: actions become no-ops and
 * features are still evaluated and counted until the program text ends.
 */
public final class ProgramWrapper {
    /** The runtime default of LLM-GS (meta.json's task_args), not the factories' 2000. */
    public static final int DEFAULT_MAX_CALLS = 1000;

    private final MiniGridWorld initial;
    private final MiniGridWorld world;
    private final int maxCalls;
    private MiniGridStepLog log;

    private int numCalls;
    private boolean crashed;
    private boolean terminated;
    private boolean over;
    private int steps;
    private double total;

    /** A wrapper over one instance; {@code initial} is the state after {@code reset(seed)} and is not changed. */
    public ProgramWrapper(MiniGridWorld initial, int maxCalls) {
        this.initial = initial;
        this.world = initial.copy();
        this.maxCalls = maxCalls;
        reset();
    }

    public static ProgramWrapper of(MiniGridTask task, long seed) {
        return new ProgramWrapper(MiniGridWorld.generate(task, seed), DEFAULT_MAX_CALLS);
    }

    /** Reports later actions and features to {@code log} (null stops reporting). */
    public void logTo(MiniGridStepLog log) {
        this.log = log;
    }

    /**
     * The reference re-seeds the env with the instance seed, which regenerates the same grid, so
     * copying the generated state is the same reset without the RNG.
     */
    public void reset() {
        world.copyFrom(initial);
        numCalls = 0;
        crashed = false;
        terminated = false;
        over = false;
        steps = 0;
        total = 0.0;
    }

    /**
     * An Action node: nothing at all once crashed; otherwise {@code run_action} (one call, one
     * step; the call that reaches the limit still steps) and the loop's {@code get_reward}.
     */
    public void act(Action action) {
        requireRunning();
        if (crashed) {
            return;
        }
        numCalls++;
        world.step(action);
        terminated = world.terminated;
        // run_action's "state unchanged" test adds crash_penalty 0.0: no observable effect
        if (numCalls >= maxCalls) {
            crashed = true;
        }
        steps++;
        if (terminated) {
            crashed = true;
            over = true;
        }
        total += world.reward;
        if (log != null) {
            log.action(action, world, world.reward, terminated, numCalls, crashed);
        }
    }

    /** A feature leaf: counted (and crashing at the limit) before it is evaluated, even after a crash. */
    public boolean sense(Feature feature, int argument) {
        requireRunning();
        numCalls++;
        if (numCalls >= maxCalls) {
            crashed = true;
        }
        boolean value = world.sense(feature, argument);
        if (log != null) {
            log.condition(feature, argument, value, numCalls, crashed);
        }
        return value;
    }

    /**
     * A WHILE head after its condition held: crashes when the state was already seen at this
     * node's head (in any earlier entry of the episode), records it, and returns whether the
     * loop must be left ({@link #crashed()} for this or any earlier reason).
     */
    public boolean whileHeadRepeats(Set<StateKey> history) {
        requireRunning();
        if (!history.add(world.stateKey())) {
            crashed = true;
        }
        return crashed;
    }

    private void requireRunning() {
        if (over) {
            throw new IllegalStateException("the episode is over: the reference evaluates nothing after a terminating step");
        }
    }

    /** Whether a step terminated: the interpreter stops walking. */
    public boolean over() {
        return over;
    }

    /** Whether actions are now skipped: call limit, repeated WHILE state or termination. */
    public boolean crashed() {
        return crashed;
    }

    /** The live world, for perceptions a log wants to show; an interpreter must not change it. */
    public MiniGridWorld world() {
        return world;
    }

    public EpisodeResult result() {
        return new EpisodeResult(total, steps, numCalls, crashed, terminated);
    }
}
