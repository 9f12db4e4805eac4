package io.github.llmgs.search.picture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF through the JDK's GIF writer: each frame's delay in its graphic control
 * extension, and the NETSCAPE2.0 application extension on the first frame so viewers loop it.
 */
public final class Gif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    /** Viewers treat shorter delays (in hundredths of a second) as "as fast as you like" or as 100 ms. */
    public static final int MIN_DELAY_MS = 20;
    public static final int MAX_DELAY_MS = 655_350;
    /** The last frame stays this much longer, so the end is seen before the loop starts again. */
    static final int LAST_FRAME_FACTOR = 4;

    private Gif() {}

    /** Frames of {@code panels}, {@code delayMs} each (the last one held longer), looping forever. */
    public static byte[] write(Panels panels, int delayMs) {
        checkDelay(delayMs);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = gifWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            ImageWriteParam param = writer.getDefaultWriteParam();
            int n = panels.count();
            for (int i = 0; i < n; i++) {
                BufferedImage image = panels.panel(i);
                int delay = i == n - 1 && n > 1 ? Math.min(MAX_DELAY_MS, delayMs * LAST_FRAME_FACTOR) : delayMs;
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                configure(meta, delay, i == 0);
                writer.writeToSequence(new IIOImage(image, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            // into memory: only a writer bug gets here
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static void checkDelay(int delayMs) {
        if (delayMs < MIN_DELAY_MS || delayMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("delay " + delayMs + " ms is out of range (" + MIN_DELAY_MS + ".."
                    + MAX_DELAY_MS + " ms per frame)");
        }
    }

    private static ImageWriter gifWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IllegalStateException("this JDK has no GIF image writer");
        return writers.next();
    }

    private static void configure(IIOMetadata meta, int delayMs, boolean first) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.round(delayMs / 10f)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // sub-block 1, then the loop count as a little-endian short: 0 loops forever
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
