package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;
import io.github.llmgs.engine.batch.CpuBackend;
import io.github.llmgs.kernels.OpenClBackend;
import io.github.llmgs.kernels.OpenClBackendProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same search on the OpenCL backend and on the CPU backend gives the same result. Under CI
 * ({@code CI=true} or {@code LLMGS_REQUIRE_OPENCL=1}) a missing OpenCL device fails the test.
 */
class OpenClSearchDeterminismTest {
    /** The OpenCL backend, or a skip (a failure under CI) naming why there is none. */
    static Backend openCl() {
        var a = new OpenClBackendProvider().probe(BackendOptions.defaults());
        if (!a.available()) {
            String reason = "no usable OpenCL device: " + a.description();
            if ("true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("LLMGS_REQUIRE_OPENCL"))) {
                fail(reason);
            }
            Assumptions.assumeTrue(a.available(), reason);
        }
        return OpenClBackend.open(BackendOptions.defaults());
    }

    private static String search(Backend backend, String taskName, String method, long budget, int batch) {
        Task task = Tasks.byName(taskName);
        SearchState state = new SearchState(budget, new BatchScorer(backend, task, SearchDeterminismTest.instances(task), batch, TreeWalker.DEFAULT_MAX_CALLS),
                SearchListener.NONE, () -> false);
        (method.equals("shc") ? HillClimbing.shc(Schedule.paper(budget), 3, batch)
                : new LlmGuidedSearch(new GrammarSeeds(3, "test"), Schedule.paper(budget), 3, batch)).run(state);
        return Printer.print(state.best()) + " " + state.bestScore() + " " + state.evaluated() + " "
                + state.bestFoundAt() + " " + state.curve();
    }

    @ParameterizedTest
    @CsvSource({"MazeSparse, shc, 20000", "DoorKey, shc, 4000", "Snake, llm-gs, 3000", "CleanHouse, llm-gs, 2000"})
    void openClAndCpuSearchAlike(String task, String method, long budget) {
        try (Backend gpu = openCl(); Backend cpu = new CpuBackend(2)) {
            assertEquals(search(cpu, task, method, budget, 64), search(gpu, task, method, budget, 512));
        }
    }
}
