package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmgs trace}: the files it writes, read back, and its one-line errors. */
class TraceCommandTest {
    static final String DOOR_KEY = "DEF run m( WHILE c( noMarkersPresent c) w( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) w)"
            + " pickMarker WHILE c( noMarkersPresent c) w( IFELSE c( rightIsClear c) i( turnRight move i)"
            + " ELSE e( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) e) w) putMarker m)";
    static final String LAVA_GAP = "DEF run m( WHILE c( not c( front_object_type h( goal h) c) c) w( IFELSE c( front_object_type h( lava h) c)"
            + " i( right forward left i) ELSE e( IFELSE c( front_is_clear c) i( forward i) ELSE e( right e) e) w) forward m)";

    @TempDir
    Path dir;

    static int gifFrames(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            reader.dispose();
            return n;
        }
    }

    @Test
    void writesAGifWithOneFramePerStepPlusTheStart() throws IOException {
        Path out = dir.resolve("doorkey.gif");
        Cli.Result r = Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--seed", "1", "--out", out.toString()).assertOk();
        assertEquals("wrote " + out + ": GIF, 37 frames (steps 0-36 of 36), DoorKey, seed 1\n"
                + "episode: return 1.0, 36 actions, 120 calls, crashed no\n", r.out(), r::show);
        assertEquals(37, gifFrames(out));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(out), "readable, not a private temp file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void theSameEpisodeAsEvalsTrace() throws IOException {
        Cli.Result eval = Cli.run("eval", "--task", "LavaGap", "--program", LAVA_GAP, "--seeds", "0", "--trace", "0").assertOk();
        long actions = eval.out().lines().filter(l -> l.matches("calls=\\d+ (left|right|forward|pickup|drop|toggle) .*")).count();
        Path out = dir.resolve("lava.gif");
        Cli.run("trace", "--task", "LavaGap", "--program", LAVA_GAP, "--out", out.toString()).assertOk();
        assertEquals(actions + 1, gifFrames(out), eval::show);
    }

    @Test
    void capsLongEpisodesAndSaysSo() throws IOException {
        Path out = dir.resolve("spin.gif");
        Cli.Result r = Cli.run("trace", "--task", "Maze", "--program", "DEF run m( REPEAT R=19 r( REPEAT R=19 r( turnLeft r) r) m)",
                "--max-frames", "12", "--scale", "10", "--delay", "40", "--out", out.toString()).assertOk();
        assertTrue(r.out().startsWith("wrote " + out + ": GIF, 12 frames (steps 0-11 of 361, 350 not shown), Maze, seed 0\n"), r::show);
        assertEquals(12, gifFrames(out));
    }

    @Test
    void writesAPngFilmstripAndReplacesAnOldFileWhole() throws IOException {
        Path out = dir.resolve("lava.png");
        Files.writeString(out, "old");
        Cli.Result r = Cli.run("trace", "--task", "LavaGap", "--program", LAVA_GAP, "--png", "--out", out.toString()).assertOk();
        assertTrue(r.out().startsWith("wrote " + out + ": PNG filmstrip, 12 frames (steps 0-11 of 11), LavaGap, seed 0\n"), r::show);
        BufferedImage sheet = ImageIO.read(out.toFile());
        assertTrue(sheet.getWidth() > 100 && sheet.getHeight() > 100, sheet.getWidth() + " x " + sheet.getHeight());
        byte[] first = Files.readAllBytes(out);
        Cli.run("trace", "--task", "LavaGap", "--program", LAVA_GAP, "--png", "--out", out.toString()).assertOk();
        assertArrayEquals(first, Files.readAllBytes(out), "the same episode draws the same bytes");
    }

    @Test
    void badInputIsOneLine() throws IOException {
        String gif = dir.resolve("x.gif").toString();
        Cli.run("trace", "--task", "Nope", "--program", DOOR_KEY, "--out", gif).assertUserErrorStartsWith("unknown task 'Nope'; known tasks: ");
        Cli.run("trace", "--task", "DoorKey", "--program", "DEF run m( fly m)", "--out", gif).assertUserErrorStartsWith("--program: 1:");
        Cli.run("trace", "--task", "LavaGap", "--program", DOOR_KEY, "--out", gif).assertUserErrorStartsWith("--program: 1:");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--seed", "-3", "--out", gif)
                .assertUserError("--seed: '-3' is not a seed (a whole number 0..4294967295)");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--seed", "4294967296", "--out", gif)
                .assertUserError("--seed: seed 4294967296 is out of range (seeds are 0..4294967295)");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--max-frames", "0", "--out", gif)
                .assertUserError("--max-frames 0: at least 1 (the start world)");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--scale", "2", "--out", gif)
                .assertUserError("--scale 2: pixels per cell are 4..256");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--delay", "5", "--out", gif)
                .assertUserError("--delay 5: milliseconds per frame are 20..655350");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--max-frames", "many", "--out", gif)
                .assertUserErrorStartsWith("Invalid value for option '--max-frames'");
        Cli.run("trace", "--task", "DoorKey", "--program-file", dir.resolve("none.txt").toString(), "--out", gif)
                .assertUserError("--program-file: no such file: " + dir.resolve("none.txt"));
        Path missing = dir.resolve("no/such/x.gif");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--out", missing.toString())
                .assertUserError("--out " + missing + ": no such directory: " + missing.getParent());
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--out", dir.toString())
                .assertUserError("--out " + dir + ": is a directory");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--out", dir.resolve("x.png").toString())
                .assertUserErrorStartsWith("--out " + dir.resolve("x.png") + ": a .png name for a GIF");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--png", "--out", gif)
                .assertUserErrorStartsWith("--out " + gif + ": a .gif name for a PNG filmstrip");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY).assertUserErrorStartsWith("Missing required option: '--out=FILE'");
        Cli.run("trace", "--task", "DoorKey", "--program", "DEF run m( REPEAT R=19 r( REPEAT R=19 r( turnLeft r) r) m)", "--png",
                "--max-frames", "400", "--scale", "100", "--out", dir.resolve("big.png").toString())
                .assertUserErrorStartsWith("--png: a filmstrip of 362 frames would be ");
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root writes into a read-only directory, but not into /proc
        Path unwritable = Files.isWritable(readOnly) ? Path.of("/proc/llmgs-trace.gif") : readOnly.resolve("x.gif");
        Cli.run("trace", "--task", "DoorKey", "--program", DOOR_KEY, "--out", unwritable.toString())
                .assertUserErrorStartsWith("--out " + unwritable + ": cannot write (");
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".gif") || p.getFileName().toString().endsWith(".png")),
                    "nothing written on an error");
        }
    }

    @Test
    void readsTheProgramFromAFile() throws IOException {
        Path program = Files.writeString(dir.resolve("p.txt"), LAVA_GAP + "\n");
        Path out = dir.resolve("lava.gif");
        Cli.run("trace", "--task", "LavaGap", "--program-file", program.toString(), "--out", out.toString()).assertOk();
        assertEquals(12, gifFrames(out));
    }

    @Test
    void listedInTheHelp() {
        Cli.Result r = Cli.run("--help");
        assertTrue(r.out().contains("trace"), r::show);
        assertTrue(Cli.run("trace", "--help").out().contains("--max-frames"));
    }
}
