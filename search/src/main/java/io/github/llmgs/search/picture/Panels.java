package io.github.llmgs.search.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A frame as shown: the world above two caption lines (the frame's caption, then the film's title
 * or, on the last frame, its note). Every panel of a film has one size, measured over all its
 * captions, because a GIF's frames and a filmstrip's tiles must line up.
 */
public final class Panels {
    static final Color BACKGROUND = new Color(255, 255, 255);
    static final Color TEXT = new Color(30, 30, 30);
    static final Color NOTE = new Color(110, 110, 110);

    private final Film film;
    private final int cell;
    private final Font font;
    private final int pad;
    private final int lineHeight;
    private final int ascent;
    private final int gridWidth;
    private final int gridHeight;
    private final int width;
    private final int height;

    public Panels(Film film, int cell) {
        Animation.checkCell(cell);
        this.film = film;
        this.cell = cell;
        this.font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, Math.round(cell * 0.4f)));
        this.pad = Math.max(4, cell / 4);
        Scene first = film.frames().get(0).scene();
        this.gridWidth = first.cols() * cell;
        this.gridHeight = first.rows() * cell;
        BufferedImage probe = Canvas.image(1, 1, BACKGROUND);
        Graphics2D g = Canvas.graphics(probe);
        FontMetrics fm = g.getFontMetrics(font);
        int text = 0;
        for (int i = 0; i < film.frames().size(); i++) {
            text = Math.max(text, fm.stringWidth(film.frames().get(i).caption()));
            text = Math.max(text, fm.stringWidth(film.note(i)));
        }
        this.lineHeight = fm.getHeight();
        this.ascent = fm.getAscent();
        g.dispose();
        this.width = Math.max(gridWidth, text) + 2 * pad;
        this.height = pad + gridHeight + pad + 2 * lineHeight + pad;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int count() {
        return film.frames().size();
    }

    /** Where the world's top-left corner is in a panel (tests read cells through it). */
    public int gridX() {
        return (width - gridWidth) / 2;
    }

    public int gridY() {
        return pad;
    }

    public BufferedImage panel(int i) {
        Frame frame = film.frames().get(i);
        BufferedImage out = Canvas.image(width, height, BACKGROUND);
        Graphics2D g = Canvas.graphics(out);
        g.drawImage(frame.scene().draw(cell), gridX(), gridY(), null);
        g.setFont(font);
        int y = pad + gridHeight + pad + ascent;
        g.setColor(TEXT);
        g.drawString(frame.caption(), pad, y);
        g.setColor(NOTE);
        g.drawString(film.note(i), pad, y + lineHeight);
        g.dispose();
        return out;
    }
}
