package io.github.llmgs.engine.vm;

import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.StepLog;
import io.github.llmgs.engine.World;

/**
 * Karel's world helpers for the dispatch loop (spec/karel.md section 3), with the names the
 * kernel's {@code karel.cl} gives them: an action is one call, the move, then the task's reward;
 * the episode ends when the reward says so or the world crashed (Karel does nothing more after
 * a crash that a return could see). {@link BytecodeVm} holds one and loads it per episode.
 */
final class KarelVmWorld implements VmWorld {
    /** ACT's operands are Karel's action ids, so step logs read like the oracle's. */
    private static final Action[] ACTIONS = Action.values();
    private static final Perception[] PERCEPTIONS = Perception.values();

    private World world;
    private Reward reward;
    private StepLog log;
    double total;
    int steps;

    void load(World world, Reward reward, StepLog log) {
        this.world = world;
        this.reward = reward;
        this.log = log;
        total = 0;
        steps = 0;
    }

    @Override
    public boolean crashed() {
        return world.crashed;
    }

    @Override
    public boolean act(int action) {
        World w = world;
        w.countCall();
        doAction(w, action);
        steps++;
        double r = reward.step(w);
        total += r;
        if (log != null) log.action(ACTIONS[action].token(), w, r, reward.terminated());
        return reward.terminated() || w.crashed;
    }

    @Override
    public boolean perceiveAndCount(int perception) {
        world.countCall();
        boolean value = perceive(world, perception);
        if (log != null) log.condition(PERCEPTIONS[perception].token(), value, world);
        return value;
    }

    @Override
    public long stateKey() {
        return world.stateKey();
    }

    @Override
    public void crash() {
        world.crashed = true;
    }

    /** A Karel world crashes only at the call limit or at a repeated WHILE state (which the VM tells apart). */
    @Override
    public boolean callLimitReached() {
        return world.crashed;
    }

    /** ACT's operand is a Karel action id ({@link Action.Id}). */
    static void doAction(World world, int action) {
        switch (action) {
            case Action.Id.MOVE -> world.move();
            case Action.Id.TURN_LEFT -> world.turnLeft();
            case Action.Id.TURN_RIGHT -> world.turnRight();
            case Action.Id.PUT_MARKER -> world.putMarker();
            default -> world.pickMarker();
        }
    }

    /** A Karel condition is a perception id ({@link Perception.Id}): no perception takes an argument. */
    static boolean perceive(World world, int perception) {
        switch (perception) {
            case Perception.Id.FRONT_IS_CLEAR: return world.frontIsClear();
            case Perception.Id.LEFT_IS_CLEAR: return world.leftIsClear();
            case Perception.Id.RIGHT_IS_CLEAR: return world.rightIsClear();
            case Perception.Id.MARKERS_PRESENT: return world.markersPresent();
            default: return world.noMarkersPresent();
        }
    }
}
