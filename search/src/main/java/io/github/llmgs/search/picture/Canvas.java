package io.github.llmgs.search.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Where every picture is drawn: an opaque RGB image with antialiasing, and the one triangle both domains' agents are. */
public final class Canvas {
    static {
        // frames are drawn by a CLI or a server, never on a screen; without this AWT may look for a display
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private Canvas() {}

    /** Sets {@code java.awt.headless} unless the caller chose; call before any other AWT use. */
    public static void headless() {
        // the static initialiser does the work; calling this only makes sure it ran
    }

    /** Opaque, so that a GIF's palette and a PNG need no alpha; filled with {@code background}. */
    public static BufferedImage image(int width, int height, Color background) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    public static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /**
     * A triangle in the cell at ({@code x}, {@code y}) of side {@code cell}, pointing along the
     * screen vector ({@code dx}, {@code dy}) (y grows downwards): its tip at 0.85 of the cell
     * towards that side, its base at 0.15, so the direction reads at any size.
     */
    public static Path2D.Double arrow(double x, double y, double cell, int dx, int dy) {
        double cx = x + cell / 2, cy = y + cell / 2, r = cell * 0.35;
        // unit vector forward (dx, dy) and its perpendicular (-dy, dx)
        Path2D.Double p = new Path2D.Double();
        p.moveTo(cx + dx * r, cy + dy * r);
        p.lineTo(cx - dx * r - dy * r * 0.85, cy - dy * r + dx * r * 0.85);
        p.lineTo(cx - dx * r + dy * r * 0.85, cy - dy * r - dx * r * 0.85);
        p.closePath();
        return p;
    }
}
