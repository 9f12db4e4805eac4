package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.bytecode.Opcode;
import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.kernels.minigrid.MiniGridHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
            + "with the engine's ExitStatus, TaskKernel or World or with WhileTables; regenerate it from the repository root with:\n"
            + "  mvn -q -o compile -pl kernels -am && java -cp dsl/target/classes:engine/target/classes:kernels/target/classes "
            + "io.github.llmgs.kernels.EngineHeader > kernels/src/main/resources/io/github/llmgs/kernels/engine.h";

    @Test
    void checkedInEngineHeaderMatchesTheEngine() {
        String checkedIn = KernelSource.resource(EngineHeader.FILE).replace("\r\n", "\n");
        assertEquals(EngineHeader.text(), checkedIn, REGENERATE_ENGINE);
        String kernel = KernelSource.program(KernelSource.KERNEL_FILE).replace(checkedIn, "");
        assertTrue(!Pattern.compile("#define (TASK_|STATUS_|KEY_BASE|MAX_MARKERS|WHILE_SMALL_)").matcher(kernel).find(),
                "the kernel's files take these numbers from engine.h and define none of them themselves");
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

    static final String MINIGRID_FILE = "minigrid.cl";

    static final String REGENERATE_MINIGRID = "kernels/src/main/resources/io/github/llmgs/kernels/minigrid.h is out of date "
            + "with the engine's ObjectType or MiniGridTasks or with MiniGridStart; regenerate it from the repository root with:\n"
            + "  mvn -q -o compile -pl kernels -am && java -cp dsl/target/classes:engine/target/classes:kernels/target/classes "
            + "io.github.llmgs.kernels.minigrid.MiniGridHeader > kernels/src/main/resources/io/github/llmgs/kernels/minigrid.h";

    @Test
    void checkedInMiniGridHeaderMatchesTheEngine() {
        String checkedIn = KernelSource.resource(MiniGridHeader.FILE).replace("\r\n", "\n");
        assertEquals(MiniGridHeader.text(), checkedIn, REGENERATE_MINIGRID);
        String kernel = KernelSource.program(MINIGRID_FILE).replace(checkedIn, "");
        assertTrue(!Pattern.compile("#define (TYPE_|DOOR_|MINIGRID_TASK|START_|TRACE_)").matcher(kernel).find(),
                "minigrid.cl's files take these numbers from minigrid.h and define none of them themselves");
    }

    @Test
    void programInlinesEveryIncludeOnceAndKeepsEachFilesLineNumbers() throws Exception {
        Set<String> inlined = new TreeSet<>();
        for (String kernelFile : java.util.List.of(KernelSource.KERNEL_FILE, MINIGRID_FILE)) {
            Map<String, Integer> starts = checkLines(KernelSource.program(kernelFile));
            starts.forEach((f, n) -> assertEquals(1, n, f + " inlined once into " + kernelFile));
            assertTrue(starts.keySet().containsAll(java.util.List.of(KernelSource.HEADER_FILE, EngineHeader.FILE, "vm.cl")),
                    kernelFile + " takes the shared loop and headers: " + starts.keySet());
            inlined.addAll(starts.keySet());
        }
        // each file beside the kernels belongs to one of them (a nested include among them)
        Set<String> beside = new TreeSet<>();
        try (Stream<Path> dir = Files.list(Path.of(KernelSource.class.getResource(KernelSource.KERNEL_FILE).toURI()).getParent())) {
            dir.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cl") || n.endsWith(".h")).forEach(beside::add);
        }
        assertTrue(beside.containsAll(KernelSource.HEADERS) && beside.contains("karel_world.cl") && beside.contains("minigrid_world.cl")
                && beside.contains("karel_reward_maze.cl") && beside.contains("karel_random.cl"), beside.toString());
        assertEquals(beside, inlined, "every kernel source file is inlined into a kernel");
        assertTrue(!KernelSource.resource(KernelSource.KERNEL_FILE).contains("karel_random.cl")
                && KernelSource.resource("karel_reward_snake.cl").contains("#include \"karel_random.cl\""),
                "karel_random.cl comes in through the Snake reward: includes nest");
    }

    /** Checks that every line of an inlined program sits where its last #line says; returns how often each file starts. */
    private static Map<String, Integer> checkLines(String source) {
        assertTrue(source.contains("#define OP_REPEAT_NEXT") && source.contains("#define STATUS_WHILE_REPEAT"),
                "opcodes.h and engine.h are inlined");
        assertTrue(!source.contains("#include"), "the includes are replaced");
        Pattern directive = Pattern.compile("#line (\\d+) \"([^\"]+)\"");
        Map<String, String[]> files = new HashMap<>();
        Map<String, Integer> starts = new HashMap<>();
        String file = null;
        int line = 0;
        String[] sourceLines = source.split("\n", -1);
        for (int i = 0; i < sourceLines.length - 1; i++) {
            Matcher m = directive.matcher(sourceLines[i]);
            if (m.matches()) {
                file = m.group(2);
                line = Integer.parseInt(m.group(1));
                if (line == 1) starts.merge(file, 1, Integer::sum);
                continue;
            }
            assertTrue(file != null, "the program starts with a #line directive");
            String[] lines = files.computeIfAbsent(file, f -> KernelSource.resource(f).split("\r?\n", -1));
            assertEquals(lines[line - 1], sourceLines[i], file + ":" + line + " (program line " + (i + 1) + ")");
            line++;
        }
        assertEquals("", sourceLines[sourceLines.length - 1], "the program ends with a newline");
        return starts;
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
