package io.github.llmgs.kernels.minigrid;

import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.engine.minigrid.ObjectType;
import java.util.Locale;

/**
 * {@code minigrid.h}: the numbers minigrid.cl shares with the engine (object types, door states,
 * task ids) and with {@link MiniGridOpenCl} (the start and trace layouts), generated from the Java that
 * defines them, as {@code opcodes.h} and {@code engine.h} are. A test keeps the checked-in copy
 * in step.
 */
public final class MiniGridHeader {
    public static final String FILE = "minigrid.h";

    private MiniGridHeader() {}

    public static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("/* Generated from io.github.llmgs.engine.minigrid (ObjectType, MiniGridTasks) and ")
                .append("io.github.llmgs.kernels.minigrid (MiniGridStart, TraceField) -- do not edit by hand. */\n");
        sb.append("#ifndef LLMGS_MINIGRID_H\n#define LLMGS_MINIGRID_H\n\n");
        sb.append("/* ObjectType: object types as their encode indices (TYPE_NONE: carrying nothing). */\n");
        for (int t = 0; t < ObjectType.count(); t++) {
            sb.append(String.format(Locale.ROOT, "#define TYPE_%s %d%n", ObjectType.name(t).toUpperCase(Locale.ROOT), t));
        }
        sb.append("\n/* ObjectType: a door's state. */\n");
        sb.append(String.format(Locale.ROOT, "#define DOOR_OPEN %d%n#define DOOR_CLOSED %d%n#define DOOR_LOCKED %d%n",
                ObjectType.DOOR_OPEN, ObjectType.DOOR_CLOSED, ObjectType.DOOR_LOCKED));
        sb.append("\n/* MiniGridTasks.ALL indices: the step override -DTASK selects. */\n");
        for (int i = 0; i < MiniGridTasks.ALL.size(); i++) {
            sb.append(String.format(Locale.ROOT, "#define MINIGRID_TASK_%s %d%n", macro(MiniGridTasks.ALL.get(i)), i));
        }
        sb.append(String.format(Locale.ROOT, "#define MINIGRID_TASKS %d%n", MiniGridTasks.ALL.size()));
        sb.append("\n/* MiniGridStart ordinals: the ints of an instance's start world. */\n");
        for (MiniGridStart f : MiniGridStart.values()) {
            sb.append(String.format(Locale.ROOT, "#define START_%s %d%n", f.name(), f.ordinal()));
        }
        sb.append(String.format(Locale.ROOT, "#define START_FIELDS %d%n", MiniGridStart.values().length));
        sb.append("\n/* TraceField ordinals: the ints the trace build writes per step. */\n");
        for (TraceField f : TraceField.values()) {
            sb.append(String.format(Locale.ROOT, "#define TRACE_%s %d%n", f.name(), f.ordinal()));
        }
        sb.append(String.format(Locale.ROOT, "#define TRACE_FIELDS %d%n", TraceField.values().length));
        sb.append("\n#endif\n");
        return sb.toString();
    }

    /** {@code RedBlueDoor} -> {@code RED_BLUE_DOOR}. */
    static String macro(MiniGridTask task) {
        return task.name().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** Prints the header: regenerates the checked-in copy (see {@code MiniGridHeaderTest}). */
    public static void main(String[] args) {
        System.out.print(text());
    }
}
