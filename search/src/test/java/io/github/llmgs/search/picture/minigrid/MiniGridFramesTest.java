package io.github.llmgs.search.picture.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.minigrid.Color;
import io.github.llmgs.engine.minigrid.MiniGridReference;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.engine.minigrid.MiniGridTrace;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.engine.minigrid.ObjectType;
import io.github.llmgs.search.picture.Film;
import io.github.llmgs.search.picture.Frame;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** MiniGrid frames: lava, doors, goal and the agent in minigrid's colours, and the frames of the oracle's trace. */
class MiniGridFramesTest {
    static final int CELL = 30;
    /** Reaches LavaGap's goal through the gap on every seed (seed 0: 11 actions). */
    static final String LAVA_GAP = "DEF run m( WHILE c( not c( front_object_type h( goal h) c) c) w( IFELSE c( front_object_type h( lava h) c)"
            + " i( right forward left i) ELSE e( IFELSE c( front_is_clear c) i( forward i) ELSE e( right e) e) w) forward m)";

    static int rgb(BufferedImage image, double x, double y) {
        return image.getRGB((int) x, (int) y) & 0xFFFFFF;
    }

    static int rgb(java.awt.Color c) {
        return c.getRGB() & 0xFFFFFF;
    }

    /** The pixel at fractions (fx, fy) of cell (x, y). */
    static int at(BufferedImage image, int x, int y, double fx, double fy) {
        return rgb(image, (x + fx) * CELL, (y + fy) * CELL);
    }

    @Test
    void lavaWallGoalAndAgentInMinigridsColours() {
        MiniGridWorld w = MiniGridWorld.generate(MiniGridTasks.byName("LavaGap"), 0);
        BufferedImage image = MiniGridFrames.draw(w, CELL);
        assertEquals(w.width * CELL, image.getWidth());
        assertEquals(rgb(MiniGridFrames.WALL), at(image, 0, 0, 0.5, 0.5), "wall");
        int lava = 0;
        for (int y = 0; y < w.height; y++) {
            for (int x = 0; x < w.width; x++) {
                if (w.typeAt(x, y) == ObjectType.LAVA) {
                    // away from the waves drawn across the middle
                    assertEquals(rgb(MiniGridFrames.LAVA), at(image, x, y, 0.05, 0.1), "lava at " + x + "," + y);
                    assertTrue(count(image, x, y, rgb(MiniGridFrames.LAVA)) < CELL * CELL * 9 / 10, "waves through lava at " + x + "," + y);
                    lava++;
                }
                if (w.typeAt(x, y) == ObjectType.GOAL) {
                    assertEquals(rgb(MiniGridFrames.GOAL), at(image, x, y, 0.5, 0.5), "goal");
                }
            }
        }
        assertTrue(lava >= 2, "a column of lava with one gap");
        double r = 0.35;
        int dx = MiniGridWorld.DX[w.agentDir], dy = MiniGridWorld.DY[w.agentDir];
        assertEquals(rgb(MiniGridFrames.AGENT), at(image, w.agentX, w.agentY, 0.5 - dx * r / 3, 0.5 - dy * r / 3), "agent");
        assertEquals(rgb(MiniGridFrames.FLOOR), at(image, w.agentX, w.agentY, 0.5 + dx * r * 0.6 - dy * r * 0.6,
                0.5 + dy * r * 0.6 + dx * r * 0.6), "beside the agent's tip: floor");
    }

    @Test
    void doorsClosedOpenAndLocked() {
        MiniGridWorld w = MiniGridWorld.generate(MiniGridTasks.byName("RedBlueDoor"), 0);
        int doors = 0;
        for (int y = 0; y < w.height; y++) {
            for (int x = 0; x < w.width; x++) {
                if (w.typeAt(x, y) != ObjectType.DOOR) continue;
                doors++;
                int colour = rgb(MiniGridFrames.color(w.colorAt(x, y)));
                assertEquals(ObjectType.DOOR_CLOSED, w.stateAt(x, y));
                MiniGridWorld v = w.copy();
                BufferedImage closed = MiniGridFrames.draw(v, CELL);
                assertEquals(colour, at(closed, x, y, 0.3, 0.3), "closed door at " + x + "," + y);
                v.put(x, y, ObjectType.DOOR, w.colorAt(x, y), ObjectType.DOOR_OPEN);
                BufferedImage open = MiniGridFrames.draw(v, CELL);
                assertEquals(rgb(MiniGridFrames.FLOOR), at(open, x, y, 0.3, 0.3), "open door: walk-through");
                assertEquals(colour, at(open, x, y, 0.05, 0.5), "open door: its frame");
                v.put(x, y, ObjectType.DOOR, w.colorAt(x, y), ObjectType.DOOR_LOCKED);
                BufferedImage locked = MiniGridFrames.draw(v, CELL);
                assertEquals(rgb(MiniGridFrames.dim(MiniGridFrames.color(w.colorAt(x, y)))), at(locked, x, y, 0.3, 0.3), "locked");
                assertEquals(colour, at(locked, x, y, 0.03, 0.5), "locked door: its edge");
            }
        }
        assertEquals(2, doors, "a red and a blue door");
    }

    @Test
    void whatTheAgentCarriesIsDrawnInItsCell() {
        MiniGridWorld w = MiniGridWorld.generate(MiniGridTasks.byName("LavaGap"), 0);
        int yellow = rgb(MiniGridFrames.color(Color.YELLOW));
        assertEquals(0, count(MiniGridFrames.draw(w, CELL), w.agentX, w.agentY, yellow));
        w.carryType = ObjectType.KEY;
        w.carryColor = Color.YELLOW;
        assertTrue(count(MiniGridFrames.draw(w, CELL), w.agentX, w.agentY, yellow) > 10, "a yellow key in the agent's cell");
    }

    /** Pixels of the cell within a small distance of {@code colour} (thin shapes are mostly antialiased edge). */
    private static int count(BufferedImage image, int cx, int cy, int colour) {
        int n = 0;
        for (int y = cy * CELL; y < (cy + 1) * CELL; y++) {
            for (int x = cx * CELL; x < (cx + 1) * CELL; x++) {
                int p = rgb(image, x, y);
                int d = Math.abs((p >> 16) - (colour >> 16)) + Math.abs((p >> 8 & 255) - (colour >> 8 & 255))
                        + Math.abs((p & 255) - (colour & 255));
                if (d < 90) n++;
            }
        }
        return n;
    }

    @Test
    void oneFramePerStepOfTheOraclesTrace() {
        MiniGridTask task = MiniGridTasks.byName("LavaGap");
        Node.Program program = Parser.parse(LAVA_GAP, Domains.MINIGRID);
        MiniGridTrace trace;
        try (MiniGridReference reference = new MiniGridReference(1)) {
            trace = reference.trace(task, program, 0, 1000);
        }
        Film film = MiniGridFrames.film(task, program, 0, 1000, 200);
        assertEquals(trace.steps().size() + 1, film.frames().size());
        assertEquals(11, film.steps());
        double ret = 0;
        for (int k = 1; k < film.frames().size(); k++) {
            Frame f = film.frames().get(k);
            MiniGridWorld w = ((MiniGridFrames.State) f.scene()).world();
            MiniGridTrace.Step s = trace.steps().get(k - 1);
            ret += s.reward();
            assertEquals(s.action().token(), f.action());
            assertEquals(s.x() + "," + s.y() + "," + s.dir() + "," + s.carrying(), w.agentX + "," + w.agentY + "," + w.agentDir + ","
                    + w.carryingText(), "step " + k);
            assertEquals(s.reward(), f.reward());
            assertEquals(ret, f.ret());
        }
        assertEquals(trace.result().ret(), film.frames().get(11).ret());
        assertEquals(trace.end().render(), ((MiniGridFrames.State) film.frames().get(11).scene()).world().render());
        assertTrue(film.frames().get(11).caption().contains("END"), film.frames().get(11).caption());
        assertEquals("return 1.0, 11 actions, 28 calls, crashed yes, terminated yes", film.summary());
        Film capped = MiniGridFrames.film(task, program, 0, 1000, 4);
        assertEquals(4, capped.frames().size());
        assertEquals("... 8 more steps not shown (return 1.0, 11 actions, 28 calls, crashed yes, terminated yes)", capped.note(3));
    }
}
