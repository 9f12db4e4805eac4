package io.github.llmgs.search.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** The dashboard's entry points: GIF frames and metadata read back with ImageIO, the filmstrip, and one-line errors. */
class AnimationTest {
    static final String DOOR_KEY = "DEF run m( WHILE c( noMarkersPresent c) w( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) w)"
            + " pickMarker WHILE c( noMarkersPresent c) w( IFELSE c( rightIsClear c) i( turnRight move i)"
            + " ELSE e( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) e) w) putMarker m)";
    static final String LAVA_GAP = "DEF run m( WHILE c( not c( front_object_type h( goal h) c) c) w( IFELSE c( front_object_type h( lava h) c)"
            + " i( right forward left i) ELSE e( IFELSE c( front_is_clear c) i( forward i) ELSE e( right e) e) w) forward m)";

    /** A GIF as ImageIO reads it back: its frames and each frame's native metadata tree. */
    record ReadGif(BufferedImage[] frames, IIOMetadataNode[] meta) {
        static ReadGif of(byte[] bytes) {
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
                reader.setInput(in);
                int n = reader.getNumImages(true);
                BufferedImage[] frames = new BufferedImage[n];
                IIOMetadataNode[] meta = new IIOMetadataNode[n];
                for (int i = 0; i < n; i++) {
                    frames[i] = reader.read(i);
                    meta[i] = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                }
                reader.dispose();
                return new ReadGif(frames, meta);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String attribute(int frame, String node, String name) {
            return ((IIOMetadataNode) meta[frame].getElementsByTagName(node).item(0)).getAttribute(name);
        }

        boolean loops() {
            var apps = meta[0].getElementsByTagName("ApplicationExtension");
            for (int i = 0; i < apps.getLength(); i++) {
                IIOMetadataNode app = (IIOMetadataNode) apps.item(i);
                byte[] data = (byte[]) app.getUserObject();
                if ("NETSCAPE".equals(app.getAttribute("applicationID")) && "2.0".equals(app.getAttribute("authenticationCode"))
                        && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0) return true;
            }
            return false;
        }
    }

    @Test
    void aKarelGifHasOneFramePerStepPlusTheStartAndLoops() {
        ReadGif gif = ReadGif.of(Animation.gif("DoorKey", DOOR_KEY, 1, 200));
        assertEquals(36 + 1, gif.frames().length);
        assertTrue(gif.loops(), "NETSCAPE2.0 loop extension on the first frame");
        assertEquals("25", gif.attribute(0, "GraphicControlExtension", "delayTime"), "250 ms in hundredths");
        assertEquals("25", gif.attribute(35, "GraphicControlExtension", "delayTime"));
        assertEquals("100", gif.attribute(36, "GraphicControlExtension", "delayTime"), "the end is held longer");
        int w = gif.frames()[0].getWidth(), h = gif.frames()[0].getHeight();
        for (BufferedImage f : gif.frames()) {
            assertEquals(w, f.getWidth());
            assertEquals(h, f.getHeight());
        }
        assertTrue(w >= 8 * Animation.DEFAULT_CELL && h > 8 * Animation.DEFAULT_CELL, w + " x " + h);
    }

    @Test
    void aMiniGridGifAndTheCap() {
        assertEquals(11 + 1, ReadGif.of(Animation.gif("LavaGap", LAVA_GAP, 0, 200)).frames().length);
        assertEquals(5, ReadGif.of(Animation.gif("lavagap", LAVA_GAP, 0, 5)).frames().length);
        Film film = Animation.film("DoorKey", DOOR_KEY, 1, 10);
        assertEquals(10, film.frames().size());
        assertEquals("... 27 more steps not shown (return 1.0, 36 actions, 120 calls, crashed no)", film.note(9));
        assertEquals(1, ReadGif.of(Animation.gif("DoorKey", DOOR_KEY, 1, 1)).frames().length, "the start world alone");
    }

    @Test
    void theGifShowsTheRenderersPictureAtTheGridsPlace() {
        Film film = Animation.film("DoorKey", DOOR_KEY, 1, 3);
        Panels panels = new Panels(film, 20);
        BufferedImage panel = panels.panel(0);
        BufferedImage world = film.frames().get(0).scene().draw(20);
        for (int y = 0; y < world.getHeight(); y += 7) {
            for (int x = 0; x < world.getWidth(); x += 7) {
                assertEquals(world.getRGB(x, y), panel.getRGB(panels.gridX() + x, panels.gridY() + y), x + "," + y);
            }
        }
    }

    @Test
    void aFilmstripTilesEveryFrame() throws IOException {
        byte[] png = Animation.filmstrip("LavaGap", LAVA_GAP, 0, 200);
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(png));
        Film film = Animation.film("LavaGap", LAVA_GAP, 0, 200);
        Panels panels = new Panels(film, Animation.DEFAULT_FILMSTRIP_CELL);
        int cols = Filmstrip.columns(12, panels.width(), panels.height());
        int rows = (12 + cols - 1) / cols;
        assertEquals(cols * panels.width() + (cols + 1) * Filmstrip.GAP, sheet.getWidth());
        assertEquals(rows * panels.height() + (rows + 1) * Filmstrip.GAP, sheet.getHeight());
        assertTrue(cols > 1 && rows > 1, cols + " x " + rows);
    }

    @Test
    void badInputIsOneLine() {
        assertOneLine("unknown task 'Nope'; known tasks: StairClimber", () -> Animation.gif("Nope", DOOR_KEY, 0, 10));
        assertOneLine("program: 1:", () -> Animation.gif("DoorKey", "DEF run m( fly m)", 0, 10));
        assertOneLine("program: 1:", () -> Animation.gif("LavaGap", DOOR_KEY, 0, 10)); // a Karel program on MiniGrid
        assertOneLine("seed -1 is out of range", () -> Animation.gif("DoorKey", DOOR_KEY, -1, 10));
        assertOneLine("seed 4294967296 is out of range", () -> Animation.filmstrip("DoorKey", DOOR_KEY, 1L << 32, 10));
        assertOneLine("max frames 0", () -> Animation.gif("DoorKey", DOOR_KEY, 0, 0));
        assertOneLine("program: none given", () -> Animation.gif("DoorKey", null, 0, 10));
        assertOneLine("delay 5 ms", () -> Animation.gif(Animation.film("DoorKey", DOOR_KEY, 0, 2), 32, 5));
        assertOneLine("cell size 2 px", () -> Animation.filmstrip(Animation.film("DoorKey", DOOR_KEY, 0, 2), 2));
        assertOneLine("a filmstrip of 2000 frames", () -> Animation.filmstrip(
                Animation.film("DoorKey", "DEF run m( REPEAT R=19 r( REPEAT R=19 r( REPEAT R=19 r( turnLeft r) r) r) m)", 0, 2000), 64));
    }

    private static void assertOneLine(String start, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

}
