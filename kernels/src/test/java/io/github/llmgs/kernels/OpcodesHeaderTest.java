package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    @Test
    void kernelTaskIdsMatchTaskKernelIds() {
        String kernel = KernelSource.resource(KernelSource.KERNEL_FILE);
        Matcher m = Pattern.compile("#define TASK_([A-Z_]+) (\\d+)").matcher(kernel);
        Map<String, Integer> defined = new HashMap<>();
        while (m.find()) defined.put(m.group(1), Integer.parseInt(m.group(2)));
        assertEquals(12, defined.size(), "karel.cl should define 12 TASK_ ids: " + defined);
        for (Task t : Tasks.all()) {
            String base = t.sparse() ? t.name().substring(0, t.name().length() - "Sparse".length()) : t.name();
            String macro = base.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            assertEquals(t.kernelId(), defined.get(macro), "karel.cl TASK_" + macro + " vs " + t.name() + ".kernelId()");
        }
    }

    @Test
    void programInlinesTheHeaderAndKeepsKernelLineNumbers() {
        String source = KernelSource.program();
        assertTrue(source.contains("#define OP_REPEAT_NEXT"), "opcodes.h is inlined");
        assertTrue(!source.contains("#include \"opcodes.h\""), "the include is replaced");
        String kernel = KernelSource.resource(KernelSource.KERNEL_FILE);
        String[] kernelLines = kernel.split("\n", -1);
        int includeLine = 0;
        while (!kernelLines[includeLine].startsWith("#include")) includeLine++;
        String marker = "#line " + (includeLine + 2) + " \"karel.cl\"\n";
        int at = source.indexOf(marker);
        assertTrue(at >= 0, "a #line directive follows the header");
        assertTrue(source.substring(at + marker.length()).startsWith(kernelLines[includeLine + 1]),
                "karel.cl continues right after the #line directive");
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
