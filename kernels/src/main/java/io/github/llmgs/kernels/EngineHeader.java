package io.github.llmgs.kernels;

import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.tasks.TaskKernel;
import java.util.Locale;

/**
 * {@code engine.h}: the numbers the kernels share with the engine (task ids, exit statuses, the
 * state-key base) and with their host ({@link WhileTables}' sizes and retry status), generated
 * from the Java that defines them, as {@code opcodes.h} is from
 * {@code Opcode}. A test keeps the checked-in copy in step.
 */
public final class EngineHeader {
    static final String FILE = "engine.h";

    private EngineHeader() {}

    public static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("/* Generated from io.github.llmgs.engine (ExitStatus, tasks.TaskKernel, World) and kernels.WhileTables -- do not edit by hand. */\n");
        sb.append("#ifndef LLMGS_ENGINE_H\n#define LLMGS_ENGINE_H\n\n");
        sb.append("/* World.KEY_BASE: the base of the WHILE state key's polynomial hash. */\n");
        sb.append(String.format(Locale.ROOT, "#define KEY_BASE 0x%016XUL%n", World.KEY_BASE));
        sb.append(String.format(Locale.ROOT, "%n/* World.MAX_MARKERS: the most markers a cell holds. */%n#define MAX_MARKERS %d%n",
                World.MAX_MARKERS));
        sb.append("\n/* ExitStatus ordinals: how an episode's run ended. */\n");
        for (ExitStatus s : ExitStatus.values()) {
            sb.append(String.format(Locale.ROOT, "#define STATUS_%s %d%n", s.name(), s.ordinal()));
        }
        sb.append("\n/* WhileTables.STATUS_RETRY: no large WHILE table was left; the host reruns the pair (never a result). */\n");
        sb.append(String.format(Locale.ROOT, "#define STATUS_RETRY %d%n", WhileTables.STATUS_RETRY));
        sb.append("\n/* WhileTables.SMALL_SLOTS, SMALL_LIMIT: a work-item's private WHILE table, and the digests it takes. */\n");
        sb.append(String.format(Locale.ROOT, "#define WHILE_SMALL_SLOTS %d%n#define WHILE_SMALL_LIMIT %d%n",
                WhileTables.SMALL_SLOTS, WhileTables.SMALL_LIMIT));
        sb.append("\n/* TaskKernel ordinals (Task.kernelId()): the reward code -DTASK selects; a sparse variant shares its task's. */\n");
        for (TaskKernel t : TaskKernel.values()) {
            sb.append(String.format(Locale.ROOT, "#define TASK_%s %d%n", t.name(), t.ordinal()));
        }
        sb.append("\n#endif\n");
        return sb.toString();
    }

    /** Prints the header: regenerates the checked-in copy (see {@code EngineHeaderTest}). */
    public static void main(String[] args) {
        System.out.print(text());
    }
}
