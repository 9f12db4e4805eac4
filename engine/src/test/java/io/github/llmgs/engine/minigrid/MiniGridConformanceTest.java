package io.github.llmgs.engine.minigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.engine.conformance.VectorFormatException;
import io.github.llmgs.engine.conformance.VectorLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner itself, on small slices of the public vectors: its report, its mismatch messages,
 * its format errors, and that the episode backend is a seam (batch size and threads change
 * nothing, a wrong backend is caught). The full vector files are checked by InstancesTest,
 * RngTest, EpisodesTest and TracesTest through the same runner.
 */
class MiniGridConformanceTest {
    private static final MiniGridReference ORACLE = new MiniGridReference(1);

    private static Path slice(Path dir, String file, int lines) throws IOException {
        List<String> all = Files.readAllLines(Vectors.path(file));
        Files.write(dir.resolve(file), all.subList(0, lines));
        return dir;
    }

    private static String printed(ConformanceReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsEachFileInOrderThenTheTotal(@TempDir Path dir) throws IOException {
        slice(dir, "traces.jsonl", 1);
        slice(dir, "episodes.jsonl", 2);
        slice(dir, "rng.jsonl", 6);
        slice(dir, "instances.jsonl", 3);
        Files.writeString(dir.resolve("meta.json"), "not read");
        ConformanceReport report = new MiniGridConformance(ORACLE).run(dir);
        int steps = Vectors.lines("traces.jsonl").get(0).get("steps").size();
        assertEquals("""
                instances.jsonl              3 passed, 0 failed
                rng.jsonl                    6 passed, 0 failed
                episodes.jsonl              64 passed, 0 failed
                %-22s %7d passed, 0 failed
                %d passed, 0 failed
                """.formatted("traces.jsonl", steps + 1, 3 + 6 + 64 + steps + 1), printed(report));
        assertEquals(VectorLayout.MINIGRID, VectorLayout.detect(dir));
    }

    @Test
    void aMismatchNamesTaskSeedProgramAndShowsTheWorlds(@TempDir Path dir) throws IOException {
        String line = Files.readAllLines(Vectors.path("instances.jsonl")).get(0);
        // LavaGap seed 0's agent starts facing east (0); claim south
        Files.writeString(dir.resolve("instances.jsonl"), line.replace("\"agent_dir\": 0", "\"agent_dir\": 1") + "\n");
        ConformanceReport report = new MiniGridConformance(ORACLE).run(dir);
        assertEquals(1, report.failed());
        String m = report.mismatches().get(0);
        assertTrue(m.startsWith("instances.jsonl: LavaGap seed 0 (line 1): agent_dir expected 1, got 0\nexpected grid:\nWeWeWeWeWeWe\n"), m);
        assertTrue(m.contains("got:\nWeWeWeWeWeWe\nWe>>..Vr..We\n"), m);
    }

    /** A backend that gets one episode wrong is caught with the episode named: the seam is really checked. */
    @Test
    void aWrongBackendFails(@TempDir Path dir) throws IOException {
        slice(dir, "episodes.jsonl", 3);
        MiniGridEpisodes offByOne = new MiniGridEpisodes() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String device() {
                return "test";
            }

            @Override
            public EpisodeResult[][] evaluate(MiniGridTask task, List<Node.Program> programs, long[] seeds, int maxCalls) {
                EpisodeResult[][] r = ORACLE.evaluate(task, programs, seeds, maxCalls);
                EpisodeResult e = r[programs.size() - 1][5];
                r[programs.size() - 1][5] = new EpisodeResult(e.ret(), e.steps(), e.calls() + 1, e.crashed(), e.terminated());
                return r;
            }

            @Override
            public MiniGridTrace trace(MiniGridTask task, Node.Program program, long seed, int maxCalls) {
                MiniGridTrace t = ORACLE.trace(task, program, seed, maxCalls);
                List<MiniGridTrace.Step> steps = new java.util.ArrayList<>(t.steps());
                MiniGridTrace.Step s = steps.get(0);
                steps.set(0, new MiniGridTrace.Step(s.action(), s.x(), s.y(), (s.dir() + 1) & 3, s.carrying(), s.reward(),
                        s.terminated(), s.calls(), s.crashed()));
                return new MiniGridTrace(steps, t.end(), t.result());
            }
        };
        ConformanceReport report = new MiniGridConformance(offByOne).run(dir);
        assertEquals(95, report.passed());
        assertEquals(1, report.failed());
        assertTrue(report.mismatches().get(0).startsWith("episodes.jsonl: LavaGap seed 5 (line 3) program: "), report.mismatches().get(0));
        slice(dir, "traces.jsonl", 1);
        Files.delete(dir.resolve("episodes.jsonl"));
        ConformanceReport traces = new MiniGridConformance(offByOne).run(dir);
        assertEquals(1, traces.failed());
        String m = traces.mismatches().get(0);
        assertTrue(m.startsWith("traces.jsonl: ") && m.contains("\nstep 0 expected ") && m.contains("\nthe reference's world before the step:\n"),
                m);
    }

    @Test
    void batchSizeAndThreadsChangeNothing(@TempDir Path dir) throws IOException {
        slice(dir, "episodes.jsonl", 40);
        String one = printed(new MiniGridConformance(ORACLE, 1).run(dir));
        assertEquals(one, printed(new MiniGridConformance(new MiniGridReference(4), 7).run(dir)));
        assertTrue(one.endsWith("1280 passed, 0 failed\n"), one);
    }

    @Test
    void malformedVectorsNameFileLineAndColumn(@TempDir Path dir) throws IOException {
        MiniGridConformance runner = new MiniGridConformance(ORACLE);
        Path traces = dir.resolve("traces.jsonl");
        Files.writeString(traces, "{\"task\": \"PutNear\", \"seed\": 0, \"program\": \"DEF run m( forward m)\", \"steps\": [[\"forward\"]]}\n");
        assertEquals(traces + ":1: field 'steps': step 0 must be [action, x, y, dir, carrying, reward, terminated, calls, crashed]",
                assertThrows(VectorFormatException.class, () -> runner.run(dir)).getMessage());
        Files.writeString(traces, "\n{\"task\": \"PutNear\" \"seed\": 0}\n");
        assertEquals(traces + ":2:20: malformed JSON (Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries)",
                assertThrows(VectorFormatException.class, () -> runner.run(dir)).getMessage());
        Files.delete(traces);
        assertEquals(dir + ": no MiniGrid vectors files (expected any of instances.jsonl, rng.jsonl, episodes.jsonl, traces.jsonl)",
                assertThrows(VectorFormatException.class, () -> runner.run(dir)).getMessage());
    }
}
