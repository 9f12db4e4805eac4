package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kernel's C sources stay in step with the Java they mirror. */
class OpcodesHeaderTest {
    static final String REGENERATE = "kernels/src/main/resources/io/github/llmgs/kernels/opcodes.h is out of date with "
            + "io.github.llmgs.dsl.bytecode.Opcode; regenerate it from the repository root with:\n"
            + "  mvn -q -o install -DskipTests -pl dsl && java -cp dsl/target/classes kernels/src/test/java/io/github/llmgs/kernels/"
            + "GenerateOpcodesHeader.java > kernels/src/main/resources/io/github/llmgs/kernels/opcodes.h";

    @Test
    void checkedInHeaderMatchesOpcodeEnum() {
        String checkedIn = KernelSource.resource(KernelSource.HEADER_FILE).replace("\r\n", "\n");
        String generated = Opcode.openClHeader().replace("\r\n", "\n");
        assertEquals(generated, checkedIn, REGENERATE);
    }

    static final String REGENERATE_ENGINE = "kernels/src/main/resources/io/github/llmgs/kernels/engine.h is out of date "
            + "with the engine's ExitStatus, TaskKernel or World; regenerate it from the repository root with:\n"
            + "  mvn -q -o compile -pl kernels -am && java -cp dsl/target/classes:engine/target/classes:kernels/target/classes "
            + "io.github.llmgs.kernels.EngineHeader > kernels/src/main/resources/io/github/llmgs/kernels/engine.h";

    @Test
    void checkedInEngineHeaderMatchesTheEngine() {
        String checkedIn = KernelSource.resource(EngineHeader.FILE).replace("\r\n", "\n");
        assertEquals(EngineHeader.text(), checkedIn, REGENERATE_ENGINE);
        String kernel = KernelSource.resource(KernelSource.KERNEL_FILE);
        assertTrue(!Pattern.compile("#define (TASK_|STATUS_|KEY_BASE|MAX_MARKERS)").matcher(kernel).find(),
                "karel.cl takes these numbers from engine.h and defines none of them itself");
    }

    @Test
    void everyTaskNamesItsKernelReward() {
        for (Task t : Tasks.all()) {
            String base = t.sparse() ? t.name().substring(0, t.name().length() - "Sparse".length()) : t.name();
            String macro = base.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            assertEquals(io.github.llmgs.engine.tasks.TaskKernel.valueOf(macro).ordinal(), t.kernelId(),
                    t.name() + " compiles TASK_" + macro);
        }
    }

    @Test
    void programInlinesTheHeadersAndKeepsKernelLineNumbers() {
        String source = KernelSource.program();
        assertTrue(source.contains("#define OP_REPEAT_NEXT") && source.contains("#define STATUS_WHILE_REPEAT"),
                "opcodes.h and engine.h are inlined");
        assertTrue(!source.contains("#include"), "the includes are replaced");
        String[] kernelLines = KernelSource.resource(KernelSource.KERNEL_FILE).split("\n", -1);
        String[] sourceLines = source.split("\n", -1);
        // every karel.cl line after the includes sits where the last #line directive says it does
        int lastDirective = -1, directiveLine = 0;
        for (int i = 0; i < sourceLines.length; i++) {
            Matcher m = Pattern.compile("#line (\\d+) \"karel.cl\"").matcher(sourceLines[i]);
            if (m.matches()) {
                lastDirective = i;
                directiveLine = Integer.parseInt(m.group(1));
            }
        }
        assertTrue(lastDirective > 0, "a #line directive follows the headers");
        for (int i = lastDirective + 1; i < sourceLines.length; i++) {
            assertEquals(kernelLines[directiveLine - 1 + (i - lastDirective - 1)], sourceLines[i], "source line " + i);
        }
    }

    @Test
    void whileCapacityIsAPowerOfTwoAtLeastOneAndAHalfTimesTheCalls() {
        for (int maxCalls : new int[] {0, 1, 10, 100, 9999, 10_000, 10_001, 100_000}) {
            long cap = KernelSource.whileCapacity(maxCalls);
            assertEquals(1, Long.bitCount(cap), "power of two for " + maxCalls);
            assertTrue(cap >= 1.5 * (maxCalls + 1), cap + " slots for max_calls " + maxCalls);
            assertTrue(cap < 3.0 * (maxCalls + 1) || cap == 16, "not needlessly large: " + cap + " for " + maxCalls);
        }
        assertEquals(16384, KernelSource.whileCapacity(10_000));
    }
}
