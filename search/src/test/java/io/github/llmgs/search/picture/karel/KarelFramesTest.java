package io.github.llmgs.search.picture.karel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Direction;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.Trace;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.search.picture.Film;
import io.github.llmgs.search.picture.Frame;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Karel frames: known cells in known colours, and one frame per action of the oracle's step log. */
class KarelFramesTest {
    static final int CELL = 30;
    /** Scores 1.0 on DoorKey seed 1 in 36 actions: key, door, goal. */
    static final String DOOR_KEY = "DEF run m( WHILE c( noMarkersPresent c) w( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) w)"
            + " pickMarker WHILE c( noMarkersPresent c) w( IFELSE c( rightIsClear c) i( turnRight move i)"
            + " ELSE e( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) e) w) putMarker m)";

    static int rgb(BufferedImage image, double x, double y) {
        return image.getRGB((int) x, (int) y) & 0xFFFFFF;
    }

    static int rgb(Color c) {
        return c.getRGB() & 0xFFFFFF;
    }

    @Test
    void wallMarkerHeroAndFloorCellsInTheirColours() {
        TaskInstance inst = Tasks.byName("DoorKey").generate(0);
        BufferedImage image = KarelFrames.draw(KarelFrames.State.of(inst), CELL);
        assertEquals(inst.cols() * CELL, image.getWidth());
        assertEquals(inst.rows() * CELL, image.getHeight());
        assertEquals(rgb(KarelFrames.WALL), rgb(image, CELL / 2.0, CELL / 2.0), "wall at row 0, col 0");
        int markerCells = 0;
        for (int r = 0; r < inst.rows(); r++) {
            for (int c = 0; c < inst.cols(); c++) {
                int i = r * inst.cols() + c;
                double cx = c * CELL + CELL / 2.0, cy = r * CELL + CELL / 2.0;
                boolean hero = r == inst.heroRow() && c == inst.heroCol();
                if (!inst.walls()[i] && inst.markers()[i] == 1 && !hero) {
                    assertEquals(rgb(KarelFrames.MARKER), rgb(image, cx, cy), "marker at row " + r + ", col " + c);
                    markerCells++;
                }
                if (!inst.walls()[i] && inst.markers()[i] == 0 && !hero) {
                    assertEquals(rgb(KarelFrames.FLOOR), rgb(image, cx, cy), "floor at row " + r + ", col " + c);
                }
            }
        }
        assertEquals(2, markerCells, "DoorKey's key and goal");
        // east-facing: the triangle's centroid sits a third of its length behind the centre
        assertEquals(Direction.EAST, inst.heroDir());
        double cx = inst.heroCol() * CELL + CELL / 2.0, cy = inst.heroRow() * CELL + CELL / 2.0, r = CELL * 0.35;
        assertEquals(rgb(KarelFrames.HERO), rgb(image, cx - r / 3, cy), "hero");
        assertEquals(rgb(KarelFrames.FLOOR), rgb(image, cx + r * 0.6, cy - r * 0.6), "beside the tip: floor");
        assertEquals(rgb(KarelFrames.HERO), rgb(image, cx - r * 0.8, cy - r * 0.6), "beside the base: hero");
    }

    @Test
    void theTrianglePointsWhereTheHeroFaces() {
        for (int dir = 0; dir < 4; dir++) {
            BufferedImage image = KarelFrames.draw(new KarelFrames.State(3, 3, new boolean[9], new byte[9], 1, 1, dir), CELL);
            double cx = 1.5 * CELL, cy = 1.5 * CELL, r = CELL * 0.35;
            int dx = Direction.colDelta(dir), dy = Direction.rowDelta(dir);
            // near the tip only the axis is covered; near the base the triangle is wide
            double sideX = -dy, sideY = dx;
            assertEquals(rgb(KarelFrames.FLOOR), rgb(image, cx + dx * r * 0.6 + sideX * r * 0.6, cy + dy * r * 0.6 + sideY * r * 0.6),
                    "dir " + dir + " beside the tip");
            assertEquals(rgb(KarelFrames.HERO), rgb(image, cx - dx * r * 0.8 + sideX * r * 0.6, cy - dy * r * 0.8 + sideY * r * 0.6),
                    "dir " + dir + " beside the base");
        }
    }

    @Test
    void aCountIsWrittenOnlyOverOneMarker() {
        byte[] markers = new byte[9];
        markers[0] = 1;
        markers[2] = 7;
        BufferedImage image = KarelFrames.draw(new KarelFrames.State(3, 3, new boolean[9], markers, 2, 2, 0), CELL);
        assertEquals(0, whitePixels(image, 0, 0), "one marker: a plain disc");
        assertTrue(whitePixels(image, 2, 0) > 5, "seven markers: the count in white on the disc");
    }

    private static int whitePixels(BufferedImage image, int col, int row) {
        int n = 0;
        for (int y = row * CELL + CELL / 3; y < row * CELL + 2 * CELL / 3; y++) {
            for (int x = col * CELL + CELL / 3; x < col * CELL + 2 * CELL / 3; x++) {
                if (rgb(image, x, y) == rgb(KarelFrames.MARKER_TEXT)) n++;
            }
        }
        return n;
    }

    @Test
    void oneFramePerActionOfTheTraceEvalPrints() {
        Task task = Tasks.byName("DoorKey");
        TaskInstance inst = task.generate(1);
        Node.Program program = Parser.parse(DOOR_KEY, Domains.KAREL);
        Trace trace = new TreeWalker(10_000).trace(program, task, inst);
        List<String[]> actions = actionLines(trace.log());
        Film film = KarelFrames.film(task, program, inst, 1, 10_000, 1000);
        assertEquals(trace.episode().steps(), actions.size());
        assertEquals(actions.size() + 1, film.frames().size());
        assertEquals(actions.size(), film.steps());
        assertEquals(0, film.hidden());
        assertEquals(Frame.START, film.frames().get(0).action());
        for (int k = 1; k < film.frames().size(); k++) {
            Frame f = film.frames().get(k);
            KarelFrames.State s = (KarelFrames.State) f.scene();
            String[] line = actions.get(k - 1);
            assertEquals(k, f.step());
            assertEquals(line[0], f.action(), "step " + k);
            assertEquals(line[1] + "," + line[2] + "," + line[3], s.row() + "," + s.col() + "," + Direction.arrow(s.dir()), "step " + k);
        }
        KarelFrames.State last = (KarelFrames.State) film.frames().get(film.frames().size() - 1).scene();
        assertEquals(trace.finalWorld().toAscii(), new String(ascii(last)));
        assertEquals(1.0, film.frames().get(film.frames().size() - 1).ret());
        assertEquals("return 1.0, 36 actions, 120 calls, crashed no", film.summary());
        assertTrue(film.frames().get(36).caption().startsWith("step 36  putMarker  r=0.5  return 1.0"), film.frames().get(36).caption());
        assertTrue(film.frames().get(36).caption().endsWith("END"));
    }

    @Test
    void aCappedFilmKeepsTheFirstFramesAndCountsTheRest() {
        Task task = Tasks.byName("DoorKey");
        Film film = KarelFrames.film(task, Parser.parse(DOOR_KEY, Domains.KAREL), task.generate(1), 1, 10_000, 5);
        assertEquals(5, film.frames().size());
        assertEquals(36, film.steps());
        assertEquals(32, film.hidden());
        assertEquals(4, film.frames().get(4).step());
        assertEquals("... 32 more steps not shown (return 1.0, 36 actions, 120 calls, crashed no)", film.note(4));
        assertEquals("DoorKey, seed 1", film.note(3));
    }

    private static List<String[]> actionLines(String log) {
        Pattern p = Pattern.compile("calls=\\d+ (\\S+)\\s+-> \\((\\d+),(\\d+),(.)\\).*");
        List<String[]> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = p.matcher(line);
            if (m.matches()) out.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        return out;
    }

    private static char[] ascii(KarelFrames.State s) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < s.rows(); r++) {
            for (int c = 0; c < s.cols(); c++) {
                int i = r * s.cols() + c;
                char ch = s.wall()[i] ? '#' : io.github.llmgs.engine.World.markerChar(s.markers()[i]);
                if (r == s.row() && c == s.col()) ch = Direction.arrow(s.dir());
                sb.append(ch);
            }
            sb.append('\n');
        }
        return sb.toString().toCharArray();
    }
}
