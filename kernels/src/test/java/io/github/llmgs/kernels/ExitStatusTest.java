package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.bytecode.Compiler;
import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.dsl.bytecode.Opcode.Code;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.Tasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel's exit status is data: OK, CRASHED (WHILE repeat), CALL_LIMIT, and BAD_OPCODE for
 * code a verifier would reject (run here unverified), which ends the episode instead of reading
 * outside the program or the REPEAT stack.
 */
class ExitStatusTest {
    private static int[] compiled(String source) {
        return Compiler.compile(Parser.parse(source)).code();
    }

    @Test
    void statusesAreData() {
        OpenClBackend b = OpenClTestSupport.shared();
        Task task = Tasks.byName("Harvester");
        List<TaskInstance> instances = new ArrayList<>();
        for (int s = 0; s < 4; s++) instances.add(task.generate(s));
        int[][] codes = {
            {Code.HALT},
            compiled("DEF run m( turnLeft pickMarker m)"),
            compiled("DEF run m( WHILE c( frontIsClear c) w( turnLeft turnRight w) m)"),
            compiled("DEF run m( REPEAT R=19 r( REPEAT R=19 r( turnLeft r) r) m)"),
            {99, Code.HALT},
            {Code.JUMP, 1000, Code.HALT},
            {Code.HALT, Code.JUMP},
            {Opcode.act(io.github.llmgs.dsl.karel.Action.Id.TURN_LEFT), Code.JUMP},
            {Code.REPEAT_NEXT, 0, Code.HALT},
            {Code.REPEAT_PUSH, 1, Code.REPEAT_PUSH, 1, Code.REPEAT_PUSH, 1, Code.REPEAT_PUSH, 1, Code.REPEAT_PUSH, 1,
                Code.REPEAT_PUSH, 1, Code.REPEAT_PUSH, 1, Code.REPEAT_PUSH, 1, Code.REPEAT_PUSH, 1, Code.HALT},
        };
        int[] want = {
            OpenClBackend.STATUS_OK,
            OpenClBackend.STATUS_OK,
            OpenClBackend.STATUS_WHILE_REPEAT,
            OpenClBackend.STATUS_CALL_LIMIT,
            OpenClBackend.STATUS_BAD_OPCODE,
            OpenClBackend.STATUS_BAD_OPCODE,
            OpenClBackend.STATUS_OK, // HALT first: the truncated JUMP after it is never reached
            OpenClBackend.STATUS_BAD_OPCODE,
            OpenClBackend.STATUS_BAD_OPCODE,
            OpenClBackend.STATUS_BAD_OPCODE,
        };
        OpenClBackend.Episodes e = b.run(task, instances, codes, 100, true);
        for (int p = 0; p < codes.length; p++) {
            for (int i = 0; i < instances.size(); i++) {
                int k = p * instances.size() + i;
                assertEquals(want[p], e.status()[k], "program " + p + " instance " + i);
            }
        }
        int n = instances.size();
        assertEquals(2, e.steps()[n], "two actions");
        assertEquals(2, e.calls()[n]);
        assertEquals(0, e.crashed()[n]);
        assertEquals(1, e.crashed()[2 * n], "WHILE repeat crashes");
        assertEquals(1, e.crashed()[3 * n], "the call limit crashes");
        assertEquals(101, e.calls()[3 * n], "the action that crosses the limit counts");
        assertEquals(101, e.steps()[3 * n], "and still runs (a move would turn around); then the episode ends");
        assertEquals(1, e.steps()[7 * n], "the action before the bad instruction ran");
    }
}
