package io.github.llmgs.engine.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.engine.RandomState;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CpuBackend;
import io.github.llmgs.engine.batch.KarelCoverage;
import io.github.llmgs.engine.minigrid.EpisodeResult;
import io.github.llmgs.engine.minigrid.MiniGridCoverage;
import io.github.llmgs.engine.minigrid.MiniGridCpu;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Coverage is what lets a climb score a neighbour without running it, so it is held to the
 * episodes themselves: every neighbour that replaced a node its program's episodes never reach
 * runs exactly the same episodes (return, steps, calls, crash, exit), on every instance.
 */
class CoverageTest {
    private static final int INSTANCES = 32;
    private static final Grammar GRAMMAR = new Grammar();

    /** Program c's episode on instance i is the parent's (program 0's), with both programs and the world if not. */
    private static void assertSameEpisode(BatchResult r, int c, int i, String taskName, List<Node.Program> batch,
                                          List<TaskInstance> instances) {
        String where = taskName + " instance " + i + "\nparent:    " + Printer.print(batch.get(0))
                + "\nneighbour: " + Printer.print(batch.get(c)) + "\n" + instances.get(i).toAscii();
        assertEquals(r.episode(0, i), r.episode(c, i), where);
        assertEquals(r.exit(0, i), r.exit(c, i), where);
    }

    private static List<TaskInstance> instances(Task task) {
        List<TaskInstance> out = new ArrayList<>();
        for (int s = 0; s < INSTANCES; s++) out.add(task.generate(s));
        return out;
    }

    /** The parent, then those of 64 neighbours that replaced a node the parent's episodes never reach. */
    private static List<Node.Program> parentAndUnreachedNeighbours(Node.Program parent, boolean[] reached, Mutator mutator,
                                                                   RandomState draws) {
        Mutator.Neighbourhood hood = mutator.neighbourhood(parent, 64, draws);
        hood.drawAll();
        List<Node.Program> batch = new ArrayList<>(List.of(parent));
        for (int i = 0; i < hood.size(); i++) {
            if (!reached[hood.replaced(i)]) batch.add(hood.list().get(i));
        }
        return batch;
    }

    @Test
    void aBranchThatCannotBeTakenIsNeverReached() {
        // nodes: 0 program, 1 list, 2 IF, 3 frontIsClear, 4 inner IF, 5 not, 6 frontIsClear, 7 putMarker, 8 move
        Node.Program p = Parser.parse(
                "DEF run m( IF c( frontIsClear c) i( IF c( not c( frontIsClear c) c) i( putMarker i) i) move m)");
        Task task = Tasks.byName("Maze");
        boolean[] reached = new KarelCoverage(task, instances(task), TreeWalker.DEFAULT_MAX_CALLS).reached(p);
        assertEquals(9, reached.length);
        assertFalse(reached[7], "the inner body needs the front clear and not clear at once");
        assertTrue(reached[0] && reached[1] && reached[2] && reached[3] && reached[8]);
        assertEquals(reached[4], reached[5]);
        assertEquals(reached[5], reached[6], "a feature under not is reached with its not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DoorKey", "Harvester", "CleanHouse", "Maze", "Snake", "TopOff", "StairClimber", "FourCorners"})
    void aNeighbourChangedWhereTheEpisodesNeverGoRunsTheSameEpisodes(String taskName) {
        Task task = Tasks.byName(taskName);
        List<TaskInstance> instances = instances(task);
        int maxCalls = TreeWalker.DEFAULT_MAX_CALLS;
        KarelCoverage coverage = new KarelCoverage(task, instances, maxCalls);
        Mutator mutator = new Mutator(GRAMMAR);
        RandomState draws = new RandomState(Math.floorMod(taskName.hashCode(), 1 << 30));
        int compared = 0;
        try (CpuBackend cpu = new CpuBackend(2)) {
            for (int n = 0; n < 60; n++) {
                Node.Program parent = GRAMMAR.randomProgram(draws);
                List<Node.Program> batch = parentAndUnreachedNeighbours(parent, coverage.reached(parent), mutator, draws);
                BatchResult r = cpu.evaluate(new BatchRequest(task, instances, batch, true, maxCalls));
                for (int c = 1; c < batch.size(); c++) {
                    for (int i = 0; i < INSTANCES; i++) assertSameEpisode(r, c, i, taskName, batch, instances);
                    assertEquals(r.mean(0), r.mean(c));
                }
                compared += batch.size() - 1;
            }
        }
        assertTrue(compared > 100, taskName + ": only " + compared + " neighbours changed an unreached node");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DoorKey", "Harvester", "CleanHouse", "Maze", "Snake", "TopOff", "StairClimber", "FourCorners"})
    void onAnInstanceWhoseEpisodeNeverReachesTheChangeANeighbourRunsThatEpisode(String taskName) {
        Task task = Tasks.byName(taskName);
        List<TaskInstance> instances = instances(task);
        int maxCalls = TreeWalker.DEFAULT_MAX_CALLS;
        KarelCoverage coverage = new KarelCoverage(task, instances, maxCalls);
        Mutator mutator = new Mutator(GRAMMAR);
        RandomState draws = new RandomState(Math.floorMod(taskName.hashCode() + 1, 1 << 30));
        int compared = 0, given = 0;
        try (CpuBackend cpu = new CpuBackend(2)) {
            for (int n = 0; n < 40; n++) {
                Node.Program parent = GRAMMAR.randomProgram(draws);
                Coverage.ByInstance by = coverage.byInstance(parent);
                assertArrayEquals(coverage.reached(parent), by.anywhere(), "reached anywhere is the union of the instances'");
                Mutator.Neighbourhood hood = mutator.neighbourhood(parent, 48, draws);
                hood.drawAll();
                List<Node.Program> batch = new ArrayList<>(List.of(parent));
                batch.addAll(hood.list());
                BatchResult full = cpu.evaluate(new BatchRequest(task, instances, batch, true, maxCalls));
                double[][] known = new double[batch.size()][];
                for (int i = 0; i < INSTANCES; i++) {
                    // the coverage's return is the one the backend scores, bit for bit
                    assertEquals(full.episode(0, i).ret(), by.returns()[i], 0.0, taskName + " instance " + i);
                }
                for (int c = 1; c < batch.size(); c++) {
                    boolean[] on = by.reachedOn()[hood.replaced(c - 1)];
                    for (int i = 0; i < INSTANCES; i++) {
                        if (on[i]) continue;
                        assertSameEpisode(full, c, i, taskName, batch, instances);
                        if (known[c] == null) {
                            known[c] = new double[INSTANCES];
                            java.util.Arrays.fill(known[c], Double.NaN);
                        }
                        known[c][i] = by.returns()[i];
                        compared++;
                    }
                }
                // handed in, the known returns give the same means, without running those episodes
                double[] none = new double[batch.size()];
                java.util.Arrays.fill(none, Double.NaN);
                BatchResult taken = cpu.evaluate(new BatchRequest(task, instances, batch, false, maxCalls, none, null, known));
                int ran = 0;
                for (int c = 0; c < batch.size(); c++) {
                    assertEquals(full.mean(c), taken.mean(c), 0.0, taskName + " program " + c + ": " + Printer.print(batch.get(c)));
                    ran += taken.episodesRun()[c];
                    if (known[c] != null) for (double r : known[c]) if (!Double.isNaN(r)) given++;
                }
                assertEquals(batch.size() * INSTANCES - given, ran, "episodes run: all but the known ones");
                given = 0;
            }
        }
        assertTrue(compared > 200, taskName + ": only " + compared + " episodes of neighbours missed their change");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LavaGap", "RedBlueDoor", "PutNear"})
    void theSameHoldsInMiniGrid(String taskName) {
        MiniGridTask task = MiniGridTasks.byName(taskName);
        long[] seeds = new long[INSTANCES];
        for (int s = 0; s < INSTANCES; s++) seeds[s] = s;
        int maxCalls = ProgramWrapper.DEFAULT_MAX_CALLS;
        MiniGridCoverage coverage = new MiniGridCoverage(task, seeds, maxCalls);
        Grammar grammar = new Grammar(Domains.MINIGRID);
        Mutator mutator = new Mutator(grammar);
        RandomState draws = new RandomState(Math.floorMod(taskName.hashCode(), 1 << 30));
        int compared = 0;
        try (MiniGridCpu cpu = new MiniGridCpu(2)) {
            for (int n = 0; n < 40; n++) {
                Node.Program parent = grammar.randomProgram(draws);
                List<Node.Program> batch = parentAndUnreachedNeighbours(parent, coverage.reached(parent), mutator, draws);
                EpisodeResult[][] r = cpu.evaluate(task, batch, seeds, maxCalls);
                for (int c = 1; c < batch.size(); c++) {
                    assertArrayEquals(r[0], r[c], taskName + "\nparent:    " + Printer.print(parent)
                            + "\nneighbour: " + Printer.print(batch.get(c)));
                }
                compared += batch.size() - 1;
            }
        }
        assertTrue(compared > 100, taskName + ": only " + compared + " neighbours changed an unreached node");
    }
}
