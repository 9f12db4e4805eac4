package io.github.llmgs.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs beyond the engine's limits are refused by every backend alike, before any episode runs. */
class EngineLimitsTest {
    private static final Task DOOR_KEY = Tasks.byName("DoorKey");
    private static final List<TaskInstance> INSTANCES = List.of(DOOR_KEY.generate(0), DOOR_KEY.generate(1));

    static Node.Program moves(int n) {
        return Parser.parse("DEF run m( " + "move ".repeat(n) + "m)");
    }

    @Test
    void theRequestRefusesWhatNoBackendHolds() {
        Node.Program fits = moves(511);
        CapacityException e = assertThrows(CapacityException.class,
                () -> new BatchRequest(DOOR_KEY, INSTANCES, List.of(fits, moves(10_000)), false, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS));
        assertEquals(1, e.program());
        assertEquals("program compiles to 10001 code words; the engine holds at most 512", e.problem());
        assertEquals("program 1 of the batch: program compiles to 10001 code words; the engine holds at most 512", e.getMessage());

        // (65 WHILEs take more than 512 words, so the code-words limit is the one a WHILE-heavy program meets)
        Node.Program repeats = Parser.parse("DEF run m( " + "REPEAT R=2 r( ".repeat(9) + "move" + " r)".repeat(9) + " m)");
        assertEquals("program nests REPEAT 9 deep; the engine holds at most 8", assertThrows(CapacityException.class,
                () -> new BatchRequest(DOOR_KEY, INSTANCES, List.of(repeats), false, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS)).problem());
    }

    /** Before, cpu failed inside its worker ("internal error") where reference scored the program. */
    @Test
    void referenceAndCpuNeverSeeIt() {
        Node.Program big = moves(10_000);
        for (Backend b : List.of(new ReferenceBackend(1), new CpuBackend(1))) {
            try (b) {
                BatchResult fits = b.evaluate(new BatchRequest(DOOR_KEY, INSTANCES, List.of(moves(511)), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS));
                assertEquals(2, fits.instances(), b.name());
                assertThrows(CapacityException.class,
                        () -> b.evaluate(new BatchRequest(DOOR_KEY, INSTANCES, List.of(big), true, io.github.llmgs.engine.TreeWalker.DEFAULT_MAX_CALLS)), b.name());
            }
        }
    }

    @Test
    void maxCallsReachesEveryJavaBackend() {
        // 20 moves, a call limit of 5: the call past the limit crashes the world, on every backend
        for (Backend b : List.of(new ReferenceBackend(1), new CpuBackend(1))) {
            try (b) {
                BatchResult r = b.evaluate(new BatchRequest(DOOR_KEY, INSTANCES, List.of(moves(20)), true, 5));
                for (int i = 0; i < INSTANCES.size(); i++) {
                    assertEquals(6, r.episode(0, i).calls(), b.name());
                    assertTrue(r.episode(0, i).crashed(), b.name());
                }
            }
        }
        assertEquals("max_calls must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new BatchRequest(DOOR_KEY, INSTANCES, List.of(moves(1)), true, 0)).getMessage());
    }

    @Test
    void backendOptionsAreCheckedWhereTheyAreMade() {
        assertEquals("--threads 100000 is out of range: use 0 (all cores) or 1..4096",
                assertThrows(BackendException.class, () -> new BackendOptions(100_000, null, 0)).getMessage());
        assertEquals("--threads -1 is out of range: use 0 (all cores) or 1..4096",
                assertThrows(BackendException.class, () -> new BackendOptions(-1, null, 0)).getMessage());
        assertEquals(4096, new BackendOptions(4096, null, 0).threads());
        assertEquals(Runtime.getRuntime().availableProcessors(), new BackendOptions(0, null, 0).threadsOrCores());
        assertEquals("--device is empty: give an OpenCL device index (0, 1, ...) or part of its name",
                assertThrows(BackendException.class, () -> new BackendOptions(0, " ", 0)).getMessage());
        assertEquals("NVIDIA", new BackendOptions(0, " NVIDIA ", 0).device());
    }

    @Test
    void aDeviceForACpuBackendIsRefusedNotIgnored() {
        for (String name : List.of("cpu", "reference")) {
            BackendException e = assertThrows(BackendException.class,
                    () -> Backends.open(name, new BackendOptions(0, "0", 0), s -> { }));
            assertEquals("--device 0: the " + name + " backend runs on CPU threads; "
                    + "--device chooses an OpenCL device (--backend opencl or auto)", e.getMessage());
        }
        BackendException unknown = assertThrows(BackendException.class,
                () -> Backends.open("warp", BackendOptions.defaults(), s -> { }));
        assertEquals("unknown backend 'warp'; known backends: " + String.join(", ", Backends.names()), unknown.getMessage());
    }
}
