package io.github.llmgs.search.picture.minigrid;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.minigrid.Action;
import io.github.llmgs.dsl.minigrid.Feature;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridStepLog;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridWalker;
import io.github.llmgs.engine.minigrid.MiniGridWorld;
import io.github.llmgs.engine.minigrid.ObjectType;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import io.github.llmgs.search.picture.Canvas;
import io.github.llmgs.search.picture.Film;
import io.github.llmgs.search.picture.Frame;
import io.github.llmgs.search.picture.Num;
import io.github.llmgs.search.picture.Scene;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A MiniGrid episode as frames, from the oracle's step log as {@code eval --trace} reads it (the
 * {@link ProgramWrapper} under the tree walker): one frame per executed action, after it. Objects
 * are drawn in minigrid's own colours on its black floor; the agent is its red triangle, with
 * what it carries drawn small in its cell.
 */
public final class MiniGridFrames {
    /** minigrid's COLORS, indexed as {@link io.github.llmgs.engine.minigrid.Color}. */
    private static final Color[] COLORS = {new Color(255, 0, 0), new Color(0, 255, 0), new Color(0, 0, 255),
            new Color(112, 39, 195), new Color(255, 255, 0), new Color(100, 100, 100)};
    public static final Color FLOOR = new Color(0, 0, 0);
    public static final Color GRID = new Color(60, 60, 60);
    public static final Color WALL = new Color(100, 100, 100);
    public static final Color LAVA = new Color(255, 128, 0);
    public static final Color GOAL = new Color(0, 255, 0);
    public static final Color AGENT = new Color(255, 0, 0);

    private MiniGridFrames() {}

    /** minigrid's colour for a colour index. */
    public static Color color(int index) {
        return COLORS[index];
    }

    /** The world at one frame: a copy, since the episode goes on changing the live one. */
    public record State(MiniGridWorld world) implements Scene {
        public static State of(MiniGridWorld w) {
            return new State(w.copy());
        }

        @Override
        public int rows() {
            return world.height;
        }

        @Override
        public int cols() {
            return world.width;
        }

        @Override
        public BufferedImage draw(int cell) {
            return MiniGridFrames.draw(world, cell);
        }
    }

    /**
     * The episode of {@code program} on seed {@code seed}'s instance with {@code maxCalls}, its
     * first {@code maxFrames} frames kept (the start included); later actions are only counted.
     */
    public static Film film(MiniGridTask task, Node.Program program, long seed, int maxCalls, int maxFrames) {
        if (maxFrames < 1) throw new IllegalArgumentException("max frames " + maxFrames + ": at least 1 (the start world)");
        MiniGridWorld start = MiniGridWorld.generate(task, seed);
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame(0, Frame.START, 0.0, 0.0, carrying(start), State.of(start)));
        ProgramWrapper wrapper = new ProgramWrapper(start, maxCalls);
        wrapper.logTo(new MiniGridStepLog() {
            int steps;
            double ret;

            @Override
            public void action(Action action, MiniGridWorld w, double reward, boolean terminated, int calls, boolean crashed) {
                steps++;
                ret += reward;
                if (frames.size() < maxFrames) {
                    String status = carrying(w) + (terminated ? "  END" : "") + (crashed ? "  CRASHED" : "");
                    frames.add(new Frame(steps, action.token(), reward, ret, status.strip(), State.of(w)));
                }
            }

            @Override
            public void condition(Feature feature, int argument, boolean value, int calls, boolean crashed) {}
        });
        EpisodeResult e = new MiniGridWalker(wrapper).run(program);
        String summary = "return " + Num.fmt(e.ret()) + ", " + e.steps() + " action" + (e.steps() == 1 ? "" : "s") + ", "
                + e.calls() + (e.calls() == 1 ? " call" : " calls") + ", crashed " + yesNo(e.crashed()) + ", terminated " + yesNo(e.terminated());
        return new Film(task.name() + ", seed " + seed, frames, e.steps(), summary,
                new Film.End(e.ret(), e.calls(), e.crashed(), e.terminated()));
    }

    private static String carrying(MiniGridWorld w) {
        return w.carryingText() == null ? "" : "carrying " + w.carryingText();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** The world at {@code cell} pixels per cell, x to the right and y down as minigrid draws it. */
    public static BufferedImage draw(MiniGridWorld w, int cell) {
        BufferedImage image = Canvas.image(w.width * cell, w.height * cell, FLOOR);
        Graphics2D g = Canvas.graphics(image);
        for (int y = 0; y < w.height; y++) {
            for (int x = 0; x < w.width; x++) {
                g.setColor(GRID);
                g.setStroke(new BasicStroke(1f));
                g.drawRect(x * cell, y * cell, cell, cell);
                object(g, w.typeAt(x, y), w.colorAt(x, y), w.stateAt(x, y), x * cell, y * cell, cell);
            }
        }
        if (w.agentX >= 0 && w.agentY >= 0 && w.agentX < w.width && w.agentY < w.height) {
            double ax = w.agentX * cell, ay = w.agentY * cell;
            g.setColor(AGENT);
            g.fill(Canvas.arrow(ax, ay, cell, MiniGridWorld.DX[w.agentDir & 3], MiniGridWorld.DY[w.agentDir & 3]));
            if (w.carryType != ObjectType.NONE) {
                // a small copy in the cell's corner, outlined so it reads on the triangle and on the floor
                double small = cell * 0.42;
                double sx = ax + cell - small - cell * 0.02, sy = ay + cell - small - cell * 0.02;
                g.setColor(new Color(255, 255, 255));
                g.setStroke(new BasicStroke(1f));
                g.draw(new Rectangle2D.Double(sx, sy, small, small));
                object(g, w.carryType, w.carryColor, 0, sx, sy, small);
            }
        }
        g.dispose();
        return image;
    }

    /** One object filling the square at ({@code x}, {@code y}) of side {@code s}. */
    private static void object(Graphics2D g, int type, int colorIndex, int state, double x, double y, double s) {
        Color c = colorIndex >= 0 && colorIndex < COLORS.length ? COLORS[colorIndex] : WALL;
        switch (type) {
            case ObjectType.WALL -> {
                g.setColor(WALL);
                g.fill(rect(x, y, s, 0, 1, 0, 1));
            }
            case ObjectType.GOAL -> {
                g.setColor(GOAL);
                g.fill(rect(x, y, s, 0.02, 0.98, 0.02, 0.98));
            }
            case ObjectType.LAVA -> lava(g, x, y, s);
            case ObjectType.DOOR -> door(g, c, state, x, y, s);
            case ObjectType.KEY -> key(g, c, x, y, s);
            case ObjectType.BALL -> {
                g.setColor(c);
                g.fill(new Ellipse2D.Double(x + s * 0.19, y + s * 0.19, s * 0.62, s * 0.62));
            }
            case ObjectType.BOX -> {
                g.setColor(c);
                g.setStroke(new BasicStroke((float) Math.max(1, s * 0.08)));
                g.draw(rect(x, y, s, 0.14, 0.86, 0.14, 0.86));
                g.draw(new Line2D.Double(x + s * 0.14, y + s * 0.5, x + s * 0.86, y + s * 0.5));
            }
            case ObjectType.FLOOR -> {
                g.setColor(c.darker().darker());
                g.fill(rect(x, y, s, 0.03, 0.97, 0.03, 0.97));
            }
            default -> { }
        }
    }

    private static void lava(Graphics2D g, double x, double y, double s) {
        g.setColor(LAVA);
        g.fill(rect(x, y, s, 0, 1, 0, 1));
        g.setColor(FLOOR);
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.05)));
        for (double row : new double[] {0.3, 0.5, 0.7}) {
            Path2D.Double wave = new Path2D.Double();
            wave.moveTo(x + s * 0.1, y + s * row);
            for (int k = 1; k <= 4; k++) {
                wave.lineTo(x + s * (0.1 + 0.2 * k), y + s * (row + (k % 2 == 1 ? -0.05 : 0.05)));
            }
            g.draw(wave);
        }
    }

    /** Open: only its frame; closed: filled, with a handle; locked: darker, with a keyhole. */
    private static void door(Graphics2D g, Color c, int state, double x, double y, double s) {
        g.setColor(c);
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.06)));
        if (state == ObjectType.DOOR_OPEN) {
            g.draw(rect(x, y, s, 0.05, 0.95, 0.05, 0.95));
            return;
        }
        g.fill(rect(x, y, s, 0, 1, 0, 1));
        if (state == ObjectType.DOOR_LOCKED) {
            g.setColor(dim(c));
            g.fill(rect(x, y, s, 0.1, 0.9, 0.1, 0.9));
            g.setColor(c);
            g.fill(rect(x, y, s, 0.68, 0.82, 0.44, 0.56));
        } else {
            g.setColor(FLOOR);
            g.draw(rect(x, y, s, 0.12, 0.88, 0.12, 0.88));
            g.fill(new Ellipse2D.Double(x + s * 0.68, y + s * 0.44, s * 0.12, s * 0.12));
        }
    }

    private static void key(Graphics2D g, Color c, double x, double y, double s) {
        g.setColor(c);
        g.fill(rect(x, y, s, 0.5, 0.63, 0.31, 0.88));     // shaft
        g.fill(rect(x, y, s, 0.38, 0.5, 0.59, 0.66));     // teeth
        g.fill(rect(x, y, s, 0.38, 0.5, 0.81, 0.88));
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.07)));
        g.draw(new Ellipse2D.Double(x + s * 0.4, y + s * 0.1, s * 0.33, s * 0.25)); // ring
    }

    /** minigrid's locked-door fill: the colour at 45%. */
    static Color dim(Color c) {
        return new Color((int) (c.getRed() * 0.45), (int) (c.getGreen() * 0.45), (int) (c.getBlue() * 0.45));
    }

    /** The part [x0, x1] x [y0, y1] of the square, in fractions of its side. */
    private static Rectangle2D.Double rect(double x, double y, double s, double x0, double x1, double y0, double y1) {
        return new Rectangle2D.Double(x + s * x0, y + s * y0, s * (x1 - x0), s * (y1 - y0));
    }
}
