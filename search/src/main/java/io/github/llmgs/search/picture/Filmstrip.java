package io.github.llmgs.search.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Every panel of a film tiled left to right, top to bottom, in one PNG. */
public final class Filmstrip {
    /** Larger sheets take hundreds of megabytes to draw; ask for fewer frames or smaller cells instead. */
    public static final long MAX_PIXELS = 50_000_000L;
    static final int GAP = 4;
    static final Color GUTTER = new Color(200, 200, 200);

    private Filmstrip() {}

    /** Columns for {@code n} panels so that the sheet comes out roughly square. */
    public static int columns(int n, int panelWidth, int panelHeight) {
        int c = (int) Math.round(Math.sqrt((double) n * panelHeight / panelWidth));
        return Math.max(1, Math.min(n, c));
    }

    public static byte[] write(Panels panels) {
        int n = panels.count();
        int cols = columns(n, panels.width(), panels.height());
        int rows = (n + cols - 1) / cols;
        long w = (long) cols * panels.width() + (long) (cols + 1) * GAP;
        long h = (long) rows * panels.height() + (long) (rows + 1) * GAP;
        if (w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("a filmstrip of " + n + " frames would be " + w + " x " + h
                    + " pixels (at most " + MAX_PIXELS / 1_000_000 + " million); show fewer frames or use a smaller cell size");
        }
        BufferedImage sheet = Canvas.image((int) w, (int) h, GUTTER);
        Graphics2D g = Canvas.graphics(sheet);
        for (int i = 0; i < n; i++) {
            int x = GAP + (i % cols) * (panels.width() + GAP);
            int y = GAP + (i / cols) * (panels.height() + GAP);
            g.drawImage(panels.panel(i), x, y, null);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(sheet, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
