package io.github.llmgs.engine.vm;

import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.dsl.bytecode.Opcode.Code;
import io.github.llmgs.engine.Reward;
import io.github.llmgs.engine.StepLog;
import io.github.llmgs.engine.World;

/**
 * Runs verified bytecode for one episode: a flat dispatch loop with a program counter and an
 * explicit REPEAT counter stack, the same for every domain; what actions and conditions do is
 * the domain's {@link VmWorld} ({@link KarelVmWorld}, MiniGrid's {@code MiniGridVmWorld}). The
 * OpenCL kernel ({@code karel.cl}) is the same loop with the same helper names. One VM per
 * thread; it allocates nothing per episode.
 */
public final class BytecodeVm {
    private final int[] repeatStack = new int[Opcode.MAX_REPEAT_DEPTH];
    private final WhileMemory whileMemory;
    private final KarelVmWorld karel = new KarelVmWorld();

    /** Results of the last Karel {@link #run(int[], World, Reward, StepLog)}. */
    public double ret;
    public int steps;

    public BytecodeVm(int maxCalls) {
        this.whileMemory = new WhileMemory(maxCalls);
    }

    /** Runs a Karel episode on a world and reward already loaded and reset for it. */
    public void run(int[] code, World world, Reward reward) {
        run(code, world, reward, null);
    }

    public void run(int[] code, World world, Reward reward, StepLog log) {
        karel.load(world, reward, log);
        run(code, karel);
        ret = karel.total;
        steps = karel.steps;
    }

    /** Runs one episode of verified code on a domain's world, already reset for it. */
    public void run(int[] code, VmWorld world) {
        whileMemory.newEpisode();
        int[] stack = repeatStack;
        int sp = 0;
        int pc = 0;
        dispatch:
        while (true) {
            switch (code[pc] & Opcode.OPCODE_MASK) {
                case Code.HALT:
                    break dispatch;
                case Code.ACT:
                    if (!world.crashed() && world.act(Opcode.actionOf(code[pc]))) {
                        break dispatch;
                    }
                    pc += 1;
                    break;
                case Code.JUMP:
                    pc = code[pc + 1];
                    break;
                case Code.JUMP_IF_NOT:
                    pc = world.perceiveAndCount(code[pc + 1]) ? pc + 3 : code[pc + 2];
                    break;
                case Code.JUMP_IF:
                    pc = world.perceiveAndCount(code[pc + 1]) ? code[pc + 2] : pc + 3;
                    break;
                case Code.WHILE_CHECK:
                    if (world.crashed()) {
                        pc = code[pc + 2];
                    } else if (!whileMemory.record(code[pc + 1], world.stateKey())) {
                        world.crash();
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
    }
}
