package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.conformance.ConformanceReport;
import io.github.llmgs.search.conformance.SearchReplay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public search vectors replay on the OpenCL kernel as on the CPU: every recorded
 * evaluation, same program, same double, with the six searches sharing the kernel's launches.
 * Under CI a missing OpenCL device fails the test.
 */
class OpenClSearchReplayTest {
    @Test
    void everyRecordedEvaluationReplays(@TempDir Path dir) throws IOException {
        try (Backend backend = OpenClSearchDeterminismTest.openCl()) {
            ConformanceReport report = new SearchReplay(backend, 1024, 6).run(SearchReplayTest.vectors(dir));
            assertEquals(List.of(), report.mismatches());
            assertEquals(SearchReplayTest.RECORDED, report.passed());
        }
    }
}
