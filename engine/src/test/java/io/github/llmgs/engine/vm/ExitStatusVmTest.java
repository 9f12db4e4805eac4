package io.github.llmgs.engine.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.Parser;
import io.github.llmgs.engine.ExitStatus;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.World;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BatchRequest;
import io.github.llmgs.engine.batch.BatchResult;
import io.github.llmgs.engine.batch.CpuBackend;
import io.github.llmgs.engine.batch.ReferenceBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run ended is data every backend reports alike, never an exception or a public field. */
class ExitStatusVmTest {
    private static final Task MAZE = Tasks.byName("Maze");
    private static final TaskInstance SEED_0 = MAZE.generate(0);

    private static ExitStatus[] exits(Backend backend, int maxCalls, String... programs) {
        BatchResult r = backend.evaluate(new BatchRequest(MAZE, List.of(SEED_0),
                java.util.Arrays.stream(programs).map(Parser::parse).toList(), true, maxCalls));
        ExitStatus[] out = new ExitStatus[programs.length];
        for (int p = 0; p < programs.length; p++) out[p] = r.exit(p, 0);
        return out;
    }

    @Test
    void okWhileRepeatAndCallLimitOnTheVmAndTheOracleAlike() {
        String[] programs = {
            "DEF run m( turnLeft REPEAT R=4 r( move r) m)",                          // reaches the marker: OK
            "DEF run m( WHILE c( noMarkersPresent c) w( turnLeft w) m)",           // the fourth turn repeats a state
            "DEF run m( REPEAT R=19 r( turnLeft turnRight r) m)",                    // 38 actions, max_calls 10
            "DEF run m( REPEAT R=19 r( turnLeft r) WHILE c( frontIsClear c) w( turnLeft w) m)"  // limit first, then a WHILE
        };
        ExitStatus[] want = {ExitStatus.OK, ExitStatus.WHILE_REPEAT, ExitStatus.CALL_LIMIT, ExitStatus.CALL_LIMIT};
        try (Backend cpu = new CpuBackend(1); Backend reference = new ReferenceBackend(1)) {
            assertEquals(List.of(want), List.of(exits(cpu, 10, programs)), "cpu");
            assertEquals(List.of(want), List.of(exits(reference, 10, programs)), "reference");
        }
    }

    @Test
    void codeAVerifierWouldRejectIsAStatusNotAnException() {
        World world = new World(MAZE.rows(), MAZE.cols());
        world.load(SEED_0, 100);
        var reward = MAZE.newReward();
        reward.reset(SEED_0, world);
        assertEquals(ExitStatus.BAD_OPCODE, new BytecodeVm(100).run(new int[] {99}, world, reward));
    }
}
