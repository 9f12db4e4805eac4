package io.github.llmgs.search.cli;

import io.github.llmgs.engine.minigrid.MiniGridWorld;
import java.util.List;

/** A MiniGrid world in the vectors' two-character glyphs with the agent drawn over its cell, as show and eval's trace print it. */
final class MiniGridAscii {
    private static final String[] FACING = {"east", "south", "west", "north"};
    private static final String ARROWS = ">v<^";

    private MiniGridAscii() {}

    /** The grid, one line per row (y), the agent as {@code >>}, {@code vv}, {@code <<} or {@code ^^}. */
    static String draw(MiniGridWorld w) {
        StringBuilder out = new StringBuilder();
        List<String> rows = w.render();
        String agent = String.valueOf(arrow(w.agentDir)).repeat(2);
        for (int y = 0; y < rows.size(); y++) {
            String r = rows.get(y);
            out.append(y == w.agentY ? r.substring(0, 2 * w.agentX) + agent + r.substring(2 * w.agentX + 2) : r).append('\n');
        }
        return out.toString();
    }

    /** "agent at x 1, y 1, facing east" */
    static String agent(MiniGridWorld w) {
        return "agent at x " + w.agentX + ", y " + w.agentY + ", facing " + facing(w.agentDir);
    }

    /** MiniGrid's directions: 0 east, 1 south, 2 west, 3 north. */
    static String facing(int dir) {
        return FACING[dir & 3];
    }

    static char arrow(int dir) {
        return ARROWS.charAt(dir & 3);
    }
}
