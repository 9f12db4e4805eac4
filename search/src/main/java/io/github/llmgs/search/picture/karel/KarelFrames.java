package io.github.llmgs.search.picture.karel;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.Episode;
import io.github.llmgs.engine.StepLog;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.World;
import io.github.llmgs.search.picture.Canvas;
import io.github.llmgs.search.picture.Film;
import io.github.llmgs.search.picture.Frame;
import io.github.llmgs.search.picture.Num;
import io.github.llmgs.search.picture.Scene;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A Karel episode as frames, from the step log of the tree-walking oracle that {@code eval --trace}
 * prints: one frame per executed action, after it. Walls are dark squares, markers red discs with
 * their count when over one, the hero a blue triangle pointing where it faces.
 */
public final class KarelFrames {
    public static final Color FLOOR = new Color(250, 250, 246);
    public static final Color GRID = new Color(214, 214, 208);
    public static final Color WALL = new Color(64, 66, 78);
    public static final Color MARKER = new Color(214, 72, 56);
    public static final Color MARKER_TEXT = new Color(255, 255, 255);
    public static final Color HERO = new Color(36, 104, 204);
    public static final Color HERO_EDGE = new Color(16, 48, 110);

    private KarelFrames() {}

    /** The world at one frame: a copy, since the episode goes on changing the live one. */
    public record State(int rows, int cols, boolean[] wall, byte[] markers, int row, int col, int dir) implements Scene {
        public static State of(TaskInstance i) {
            return new State(i.rows(), i.cols(), i.walls().clone(), i.markers().clone(), i.heroRow(), i.heroCol(), i.heroDir());
        }

        public static State of(World w) {
            return new State(w.rows, w.cols, w.wall.clone(), w.markers.clone(), w.row, w.col, w.dir);
        }

        @Override
        public BufferedImage draw(int cell) {
            return KarelFrames.draw(this, cell);
        }
    }

    /**
     * The episode of {@code program} on {@code instance} with {@code maxCalls}, its first
     * {@code maxFrames} frames kept (the start included); later actions are only counted.
     */
    public static Film film(Task task, Node.Program program, TaskInstance instance, long seed, int maxCalls, int maxFrames) {
        if (maxFrames < 1) throw new IllegalArgumentException("max frames " + maxFrames + ": at least 1 (the start world)");
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame(0, Frame.START, 0.0, 0.0, "", State.of(instance)));
        double[] ret = {0.0};
        int[] steps = {0};
        StepLog log = new StepLog() {
            @Override
            public void action(String action, World w, double reward, boolean terminated) {
                steps[0]++;
                ret[0] += reward;
                if (frames.size() < maxFrames) {
                    String status = (terminated ? "END" : "") + (w.crashed ? (terminated ? " " : "") + "CRASHED" : "");
                    frames.add(new Frame(steps[0], action, reward, ret[0], status, State.of(w)));
                }
            }

            @Override
            public void condition(String condition, boolean value, World w) {}
        };
        Episode e = new TreeWalker(maxCalls).run(program, task, instance, log);
        String summary = "return " + Num.fmt(e.ret()) + ", " + e.steps() + " action" + (e.steps() == 1 ? "" : "s") + ", "
                + e.calls() + (e.calls() == 1 ? " call" : " calls") + ", crashed " + (e.crashed() ? "yes" : "no");
        return new Film(task.name() + ", seed " + seed, frames, e.steps(), summary,
                new Film.End(e.ret(), e.calls(), e.crashed(), null));
    }

    /** The world at {@code cell} pixels per cell, row 0 at the top. */
    public static BufferedImage draw(State s, int cell) {
        BufferedImage image = Canvas.image(s.cols() * cell, s.rows() * cell, FLOOR);
        Graphics2D g = Canvas.graphics(image);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (int r = 0; r <= s.rows(); r++) g.drawLine(0, r * cell, s.cols() * cell, r * cell);
        for (int c = 0; c <= s.cols(); c++) g.drawLine(c * cell, 0, c * cell, s.rows() * cell);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, Math.round(cell * 0.34f)));
        boolean heroOnGrid = s.row() >= 0 && s.row() < s.rows() && s.col() >= 0 && s.col() < s.cols();
        for (int r = 0; r < s.rows(); r++) {
            for (int c = 0; c < s.cols(); c++) {
                int i = r * s.cols() + c;
                if (s.wall()[i]) {
                    g.setColor(WALL);
                    g.fillRect(c * cell, r * cell, cell, cell);
                } else if (s.markers()[i] > 0 && !(heroOnGrid && r == s.row() && c == s.col())) {
                    marker(g, font, c * cell, r * cell, cell, s.markers()[i], 0.34);
                }
            }
        }
        if (heroOnGrid) {
            int d = s.dir() & 3;
            Path2D.Double hero = Canvas.arrow(s.col() * cell, s.row() * cell, cell, Direction.colDelta(d), Direction.rowDelta(d));
            g.setColor(HERO);
            g.fill(hero);
            g.setColor(HERO_EDGE);
            g.setStroke(new BasicStroke(Math.max(1f, cell / 20f)));
            g.draw(hero);
            int m = s.markers()[s.row() * s.cols() + s.col()];
            // smaller, on top: the hero stands on them and both must stay visible
            if (m > 0) marker(g, font, s.col() * cell, s.row() * cell, cell, m, 0.2);
        }
        g.dispose();
        return image;
    }

    /** A disc of radius {@code size} cells in the cell's centre, the count written in it when over one. */
    private static void marker(Graphics2D g, Font font, int x, int y, int cell, int count, double size) {
        double r = cell * size;
        g.setColor(MARKER);
        g.fill(new Ellipse2D.Double(x + cell / 2.0 - r, y + cell / 2.0 - r, 2 * r, 2 * r));
        if (count > 1) {
            String text = Integer.toString(count);
            Font f = size < 0.3 ? font.deriveFont(font.getSize2D() * 0.75f) : font;
            g.setFont(f);
            FontMetrics fm = g.getFontMetrics();
            g.setColor(MARKER_TEXT);
            g.drawString(text, x + (cell - fm.stringWidth(text)) / 2f, y + (cell - fm.getHeight()) / 2f + fm.getAscent());
        }
    }
}
