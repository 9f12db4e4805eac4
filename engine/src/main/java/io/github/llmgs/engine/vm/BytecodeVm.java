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
    /** Action opcodes are numbered in the order of {@link Action}, so step logs read like the oracle's. */
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
            switch (code[pc]) {
                case Code.HALT:
                    break dispatch;
                case Code.MOVE:
                case Code.TURN_LEFT:
                case Code.TURN_RIGHT:
                case Code.PUT_MARKER:
                case Code.PICK_MARKER:
                    if (!world.crashed) {
                        world.countCall();
                        doAction(world, code[pc]);
                        actions++;
                        double r = reward.step(world);
                        total += r;
                        if (log != null) log.action(ACTIONS[code[pc] - Code.MOVE].token(), world, r, reward.terminated());
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

    static void doAction(World world, int opcode) {
        switch (opcode) {
            case Code.MOVE -> world.move();
            case Code.TURN_LEFT -> world.turnLeft();
            case Code.TURN_RIGHT -> world.turnRight();
            case Code.PUT_MARKER -> world.putMarker();
            default -> world.pickMarker();
        }
    }

    static boolean perceiveAndCount(World world, int perception, StepLog log) {
        world.countCall();
        boolean value = perceive(world, perception);
        if (log != null) log.condition(Perception.values()[perception].token(), value, world);
        return value;
    }

    static boolean perceive(World world, int perception) {
        switch (perception) {
            case 0: return world.frontIsClear();
            case 1: return world.leftIsClear();
            case 2: return world.rightIsClear();
            case 3: return world.markersPresent();
            default: return world.noMarkersPresent();
        }
    }
}
