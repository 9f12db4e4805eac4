package io.github.llmgs.engine.vm;

import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.dsl.bytecode.Opcode.Code;
import io.github.llmgs.engine.ExitStatus;
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

    private double ret;
    private int steps;

    public BytecodeVm(int maxCalls) {
        this.whileMemory = new WhileMemory(maxCalls);
    }

    /** The last Karel episode's return: its rewards summed in step order. */
    public double ret() {
        return ret;
    }

    /** The last Karel episode's executed actions. */
    public int steps() {
        return steps;
    }

    /** Runs a Karel episode on a world and reward already loaded and reset for it. */
    public ExitStatus run(int[] code, World world, Reward reward) {
        return run(code, world, reward, null);
    }

    public ExitStatus run(int[] code, World world, Reward reward, StepLog log) {
        return run(code, world, reward, log, null);
    }

    /** As above, marking the instructions that ran ({@link #run(int[], VmWorld, boolean[])}). */
    public ExitStatus run(int[] code, World world, Reward reward, StepLog log, boolean[] executed) {
        karel.load(world, reward, log);
        ExitStatus exit = run(code, karel, executed);
        ret = karel.total;
        steps = karel.steps;
        return exit;
    }

    /**
     * Runs one episode of code on a domain's world, already reset for it, and says how it ended;
     * code a verifier would reject is {@link ExitStatus#BAD_OPCODE}, data, never an exception.
     */
    public ExitStatus run(int[] code, VmWorld world) {
        return run(code, world, null);
    }

    /**
     * As {@link #run(int[], VmWorld)}, marking in {@code executed} (null: not asked, as in
     * scoring) every instruction offset that ran, for {@link Coverage}. The check is loop
     * invariant, so the JIT can take it out of the scoring loop.
     */
    public ExitStatus run(int[] code, VmWorld world, boolean[] executed) {
        whileMemory.newEpisode();
        boolean repeated = false;
        int[] stack = repeatStack;
        int sp = 0;
        int pc = 0;
        dispatch:
        while (true) {
            if (executed != null) executed[pc] = true;
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
                        repeated = true;
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
                    return ExitStatus.BAD_OPCODE;
            }
        }
        return repeated ? ExitStatus.WHILE_REPEAT : world.callLimitReached() ? ExitStatus.CALL_LIMIT : ExitStatus.OK;
    }
}
