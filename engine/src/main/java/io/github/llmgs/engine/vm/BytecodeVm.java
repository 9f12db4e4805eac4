package io.github.llmgs.engine.vm;

import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.dsl.bytecode.Opcode.Code;
import io.github.llmgs.dsl.karel.Action;
import io.github.llmgs.dsl.karel.Perception;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.StepLog;
import io.github.llmgs.engine.World;

/**
 * Runs verified bytecode for one episode: a flat dispatch loop with a program counter and an
 * explicit REPEAT counter stack. The OpenCL kernel ({@code karel.cl}) is the same loop with the
 * same helper names. One VM per thread; it allocates nothing per episode.
 */
public final class BytecodeVm {
    /** ACT's operands are Karel's action ids, so step logs read like the oracle's. */
    private static final Action[] ACTIONS = Action.values();

    private final int[] repeatStack = new int[Opcode.MAX_REPEAT_DEPTH];
    private final WhileMemory whileMemory;

    /** Results of the last {@link #run}. */
    public double ret;
    public int steps;

    public BytecodeVm(int maxCalls) {
        this.whileMemory = new WhileMemory(maxCalls);
    }

    /** Runs the episode on a world and reward already loaded and reset for it. */
    public void run(int[] code, World world, Reward reward) {
        run(code, world, reward, null);
    }

    public void run(int[] code, World world, Reward reward, StepLog log) {
        whileMemory.newEpisode();
        int[] stack = repeatStack;
        int sp = 0;
        int pc = 0;
        double total = 0;
        int actions = 0;
        dispatch:
        while (true) {
            switch (code[pc] & Opcode.OPCODE_MASK) {
                case Code.HALT:
                    break dispatch;
                case Code.ACT:
                    if (!world.crashed) {
                        world.countCall();
                        doAction(world, Opcode.actionOf(code[pc]));
                        actions++;
                        double r = reward.step(world);
                        total += r;
                        if (log != null) log.action(ACTIONS[Opcode.actionOf(code[pc])].token(), world, r, reward.terminated());
                        if (reward.terminated() || world.crashed) {
                            break dispatch;
                        }
                    }
                    pc += 1;
                    break;
                case Code.JUMP:
                    pc = code[pc + 1];
                    break;
                case Code.JUMP_IF_NOT:
                    pc = perceiveAndCount(world, code[pc + 1], log) ? pc + 3 : code[pc + 2];
                    break;
                case Code.JUMP_IF:
                    pc = perceiveAndCount(world, code[pc + 1], log) ? code[pc + 2] : pc + 3;
                    break;
                case Code.WHILE_CHECK:
                    if (world.crashed) {
                        pc = code[pc + 2];
                    } else if (!whileMemory.record(code[pc + 1], world.stateKey())) {
                        world.crashed = true;
                        pc = code[pc + 2];
                    } else {
                        pc += 3;
                    }
                    break;
                case Code.REPEAT_PUSH:
                    stack[sp++] = code[pc + 1];
                    pc += 2;
                    break;
                case Code.REPEAT_NEXT:
                    if (stack[sp - 1] == 0) {
                        sp--;
                        pc = code[pc + 1];
                    } else {
                        stack[sp - 1]--;
                        pc += 2;
                    }
                    break;
                default:
                    throw new IllegalStateException("unverified bytecode: opcode " + code[pc] + " at " + pc);
            }
        }
        ret = total;
        steps = actions;
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

    static boolean perceiveAndCount(World world, int perception, StepLog log) {
        world.countCall();
        boolean value = perceive(world, perception);
        if (log != null) log.condition(Perception.values()[perception].token(), value, world);
        return value;
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
