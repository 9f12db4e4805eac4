package io.github.llmgs.search.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.CpuBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batch size 1 is the sequential algorithm of spec/search.md; every other batch size and thread
 * count must give the same best program, score, count and curve.
 */
class SearchDeterminismTest {
    record Outcome(String best, double score, long evaluated, long foundAt, List<SearchState.CurvePoint> curve, long raw,
                   long episodes, long computed) {
        String same() {
            return best + " " + score + " " + evaluated + " " + foundAt + " " + curve;
        }
    }

    static List<TaskInstance> instances(Task task) {
        List<TaskInstance> out = new ArrayList<>();
        for (int s = 0; s < 32; s++) out.add(task.generate(s));
        return out;
    }

    static Outcome run(String taskName, long budget, int batch, int threads, Function<Integer, SearchMethod> method) {
        return run(taskName, budget, batch, threads, true, method);
    }

    static Outcome run(String taskName, long budget, int batch, int threads, boolean thresholds, Function<Integer, SearchMethod> method) {
        return run(taskName, budget, batch, threads, thresholds, true, method);
    }

    static Outcome run(String taskName, long budget, int batch, int threads, boolean thresholds, boolean coverage,
                       Function<Integer, SearchMethod> method) {
        Task task = Tasks.byName(taskName);
        try (Backend backend = new CpuBackend(threads)) {
            BatchScorer scorer = new BatchScorer(BatchScorer.karel(backend, task, instances(task), TreeWalker.DEFAULT_MAX_CALLS),
                    batch, thresholds, coverage);
            SearchState state = new SearchState(budget, scorer, SearchListener.NONE, () -> false);
            method.apply(batch).run(state);
            return new Outcome(Printer.print(state.best()), state.bestScore(), state.evaluated(), state.bestFoundAt(),
                    state.curve(), state.raw(), scorer.episodes(), scorer.computed());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DoorKey", "Harvester", "Maze", "StairClimber", "FourCorners", "TopOff", "CleanHouse", "OneStroke",
            "Seeder", "Snake", "WallAvoider", "PathFollow", "HarvesterSparse", "TopOffSparse"})
    void thresholdsAndCoverageChangeNoResultOnlyTheWork(String taskName) {
        long budget = 4000;
        long spared = 0;
        for (int seed = 0; seed < 3; seed++) {
            int s = seed;
            Function<Integer, SearchMethod> method = batch -> s == 2
                    ? new LlmGuidedSearch(new GrammarSeeds(s, "test"), Schedule.paper(budget), s, batch)
                    : HillClimbing.shc(Schedule.paper(budget), s, batch);
            Outcome exact = run(taskName, budget, 256, 2, false, false, method);
            Outcome covered = run(taskName, budget, 256, 2, false, true, method);
            Outcome bounded = run(taskName, budget, 256, 2, true, true, method);
            assertEquals(exact.same(), covered.same(), taskName + " seed " + seed + ", coverage");
            assertEquals(exact.same(), bounded.same(), taskName + " seed " + seed);
            assertTrue(covered.computed() <= exact.computed(), taskName + " seed " + seed);
            assertEquals(exact.raw(), covered.raw(), "coverage answers before the call: the same candidates go out");
            // what a step sends beyond its first improvement depends on how far the drawing got meanwhile
            assertTrue(bounded.raw() >= bounded.evaluated(), taskName + " seed " + seed);
            assertTrue(bounded.episodes() <= exact.episodes(), taskName + " seed " + seed);
            spared += exact.episodes() - bounded.episodes();
        }
        assertTrue(spared > 0, taskName + ": thresholds spared no episode");
    }

    @org.junit.jupiter.api.Test
    void coverageSparesTheNeighboursChangedWhereTheProgramNeverGoes() {
        // CleanHouse's climbs stall on programs with branches their 32 instances never take
        Function<Integer, SearchMethod> method = batch -> HillClimbing.shc(Schedule.paper(100_000), 0, batch);
        Outcome exact = run("CleanHouse", 100_000, 256, 2, false, false, method);
        Outcome covered = run("CleanHouse", 100_000, 256, 2, false, true, method);
        assertEquals(exact.same(), covered.same());
        assertTrue(covered.computed() < exact.computed() * 0.95,
                "coverage computed " + covered.computed() + " of " + exact.computed() + " programs");
        // and of the programs it computes, the episodes that never reach the change are not run
        assertTrue(covered.episodes() < 32 * covered.computed(),
                "coverage ran " + covered.episodes() + " of " + exact.episodes() + " episodes, computing " + covered.computed() + " of " + exact.computed() + " programs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shc", "hc", "random", "llm-gs"})
    void everyBatchSizeAndThreadCountGivesTheSequentialResult(String name) {
        long budget = 3000;
        Function<Integer, SearchMethod> method = batch -> switch (name) {
            case "shc" -> HillClimbing.shc(Schedule.paper(budget), 11, batch);
            case "hc" -> HillClimbing.hc(250, 11, batch);
            case "random" -> new RandomSearch(11, batch);
            default -> new LlmGuidedSearch(new GrammarSeeds(11, "test"), Schedule.paper(budget), 11, batch);
        };
        Outcome sequential = run("Harvester", budget, 1, 1, method);
        assertEquals(sequential.evaluated(), sequential.raw(), "batch 1 computes nothing speculatively");
        for (int batch : new int[] {7, 64, 1024}) {
            for (int threads : new int[] {1, 2}) {
                Outcome o = run("Harvester", budget, batch, threads, method);
                assertEquals(sequential.same(), o.same(), name + " batch " + batch + " threads " + threads);
                assertTrue(o.raw() >= o.evaluated());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 999, 1000, 1001})
    void checksTheBudgetBetweenClimbsOnly(int budget) {
        // as the reference does (spec/search.md section 6): the last climb runs to its end, past the budget
        Outcome o = run("DoorKey", budget, 256, 2, batch -> HillClimbing.shc(Schedule.paper(budget), 5, batch));
        Outcome sequential = run("DoorKey", budget, 1, 1, batch -> HillClimbing.shc(Schedule.paper(budget), 5, batch));
        assertTrue(o.score() < 1.0);
        assertTrue(o.evaluated() >= budget);
        assertEquals(sequential.same(), o.same());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1024})
    void stopsAtTheFirstSolvingProgram(int batch) {
        Outcome o = run("MazeSparse", 20_000, batch, 2, b -> HillClimbing.shc(Schedule.paper(20_000), 3, b));
        assertEquals(1.0, o.score());
        assertEquals(o.foundAt(), o.evaluated(), "nothing is counted after the solving program");
    }

    @org.junit.jupiter.api.Test
    void scheduleFollowsTheSineOfLogProgress() {
        Schedule s = Schedule.paper(1_000_000);
        assertEquals(32, s.k(0));
        assertEquals(32, s.k(1));
        assertEquals(256, s.k(1000));
        assertEquals(2048, s.k(1_000_000));
        assertEquals(2048, s.k(5_000_000));
    }

    /** The reference keeps LLM programs beyond the limits and climbs from them; the climb must end. */
    @org.junit.jupiter.api.Test
    void llmGsFromASeedBeyondTheLimitsEndsAtItsBudget() {
        io.github.llmgs.dsl.Node.Program unfixable = io.github.llmgs.dsl.Parser.parse(
                "DEF run m( IF c( frontIsClear c) i( move move move move move move move i) "
                        + "IF c( leftIsClear c) i( pickMarker move move move move move move i) m)");
        SeedSource beyond = new SeedSource() {
            @Override
            public List<io.github.llmgs.dsl.Node.Program> seeds(int count) {
                return List.of(unfixable);
            }

            @Override
            public String description() {
                return "one program beyond the limits";
            }
        };
        Outcome o = run("Harvester", 500, 64, 1, batch -> new LlmGuidedSearch(beyond, Schedule.paper(500), 1, batch));
        assertTrue(o.evaluated() >= 500, "the run ends at its budget (or past it by the rest of its last climb)");
    }
}
