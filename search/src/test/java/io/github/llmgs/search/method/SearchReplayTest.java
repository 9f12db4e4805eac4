package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.CpuBackend;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.search.conformance.SearchReplay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every recorded evaluation of the public search vectors, replayed on the cpu backend: same program, same double. */
class SearchReplayTest {
    static final int RECORDED = 5174;

    /** A directory holding the public search vectors (from the engine's test resources). */
    static Path vectors(Path dir) throws IOException {
        try (InputStream in = SearchReplayTest.class.getResourceAsStream("/conformance/search/" + SearchReplay.FILE)) {
            Files.copy(in, dir.resolve(SearchReplay.FILE));
        }
        return dir;
    }

    /**
     * Batch size and concurrency change compute, never the sequence: one program per call up to
     * whole neighbourhoods, the searches one after another or all six sharing the engine's calls.
     */
    @ParameterizedTest
    @CsvSource({"1, 1", "7, 6", "1024, 1", "1024, 6"})
    void everyRecordedEvaluationReplays(int batch, int concurrency, @TempDir Path dir) throws IOException {
        try (Backend backend = new CpuBackend(2)) {
            ConformanceReport report = new SearchReplay(backend, batch, concurrency).run(vectors(dir));
            assertEquals(List.of(), report.mismatches());
            assertEquals(RECORDED, report.passed());
        }
    }

    @Test
    void aChangedRecordIsReportedWithItsRunIndexProgramsAndScores(@TempDir Path dir) throws IOException {
        Path file = vectors(dir).resolve(SearchReplay.FILE);
        List<String> lines = Files.readAllLines(file);
        // the second run (Harvester shc seed 1): its fourth recorded score nudged by one ulp
        String run = lines.get(1);
        int at = nthScore(run, 3);
        int end = run.indexOf(']', at);
        double recorded = Double.parseDouble(run.substring(at, end));
        double nudged = Math.nextUp(recorded);
        lines.set(1, run.substring(0, at) + nudged + run.substring(end));
        Files.write(file, lines);
        try (Backend backend = new CpuBackend(1)) {
            ConformanceReport report = new SearchReplay(backend, 64, 6).run(dir);
            assertEquals(1, report.failed());
            String m = report.mismatches().get(0);
            assertTrue(m.startsWith(SearchReplay.FILE + ": " + file + ":2 (Harvester shc seed 1), evaluation 3 (of 224;"), m);
            assertTrue(m.contains("\nreference: " + nudged + "  "), m);
            assertTrue(m.contains("\nengine:    " + recorded + "  "), m);
            assertEquals(RECORDED - 224 + 3, report.passed());
        }
    }

    /** Where the {@code i}-th score of a line's evaluations starts: after the program's closing quote and comma. */
    private static int nthScore(String line, int i) {
        int at = line.indexOf("\"evaluations\"");
        for (int k = 0; k <= i; k++) at = line.indexOf("\", ", line.indexOf("[\"", at + 1)) + 3;
        return at;
    }

    @Test
    void shcOnFourCornersSeed0ReachesTheReferencesResult() {
        // the check: the reference's own run, best 1.0 first reached after 631 programs
        try (Backend backend = new CpuBackend(2)) {
            Task task = Tasks.byName("FourCorners");
            SearchState state = new SearchState(5000, new BatchScorer(backend, task, SearchDeterminismTest.instances(task), 64,
                    TreeWalker.DEFAULT_MAX_CALLS), SearchListener.NONE, () -> false);
            HillClimbing.shc(Schedule.paper(5000), 0, 64).run(state);
            assertEquals(1.0, state.bestScore());
            assertEquals(631, state.bestFoundAt());
        }
    }
}
