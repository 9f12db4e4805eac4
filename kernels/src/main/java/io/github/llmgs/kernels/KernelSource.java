package io.github.llmgs.kernels;

import io.github.llmgs.engine.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenCL C sources on the classpath (each domain's kernel file, {@code karel.cl} and {@code minigrid.cl},
 * and the files they include beside them, among them the shared loop {@code vm.cl} and the generated
 * {@code opcodes.h}, {@code engine.h} and {@code minigrid.h}), and Karel's build options, which specialise
 * its kernel for one task variant, size and call limit.
 */
public final class KernelSource {
    static final String KERNEL_FILE = "karel.cl";
    static final String HEADER_FILE = "opcodes.h";
    /** The generated headers karel.cl includes, in its order. */
    static final java.util.List<String> HEADERS = java.util.List.of(HEADER_FILE, EngineHeader.FILE);
    static final String KERNEL_NAME = "karel";

    /** MT19937 words of Snake's per-work-item food generator. */
    static final int MT_WORDS = 624;

    private KernelSource() {}

    /** A classpath resource next to this class, as text. */
    static String resource(String name) {
        try (InputStream in = KernelSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath (io/github/llmgs/kernels/" + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code #include "X"} line: the only include form the kernel sources use. */
    private static final Pattern INCLUDE = Pattern.compile("\\s*#\\s*include\\s+\"([^\"]+)\"\\s*");

    /**
     * A kernel file ({@code karel.cl}, {@code minigrid.cl}) with each {@code #include "X"} of a classpath
     * resource beside it (the generated headers, vm.cl, the world and reward files) replaced by that file's text, recursively and each file once
     * (a repeated include becomes an empty line), so the build needs no include path. An inlined file
     * starts with {@code #line 1 "X"} and is followed by a {@code #line} directive back to the line after
     * the include, so that build logs name the right file and line. Includes sit outside conditional
     * groups: a {@code #line} in a group the preprocessor skips would be ignored.
     */
    public static String program(String kernelFile) {
        StringBuilder out = new StringBuilder();
        Set<String> included = new HashSet<>();
        included.add(kernelFile);
        out.append("#line 1 \"").append(kernelFile).append("\"\n");
        inline(kernelFile, included, out);
        return out.toString();
    }

    private static void inline(String file, Set<String> included, StringBuilder out) {
        String[] lines = resource(file).split("\r?\n", -1);
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            Matcher include = INCLUDE.matcher(lines[i]);
            String name = include.matches() ? include.group(1) : null;
            if (name == null || KernelSource.class.getResource(name) == null) {
                out.append(lines[i]).append('\n');
            } else if (included.add(name)) {
                out.append("#line 1 \"").append(name).append("\"\n");
                inline(name, included, out);
                out.append("#line ").append(i + 2).append(" \"").append(file).append("\"\n");
            } else {
                out.append('\n');
            }
        }
    }

    /** What one built Karel program is specialised for. */
    record Config(int task, boolean sparse, int rows, int cols, int maxCalls) implements KernelSpec {
        static Config of(Task task, int maxCalls) {
            return new Config(task.kernelId(), task.sparse(), task.rows(), task.cols(), maxCalls);
        }

        int cells() {
            return rows * cols;
        }

        int wallWords() {
            return (cells() + 31) / 32;
        }

        long whileCapacity() {
            return KernelSource.whileCapacity(maxCalls);
        }

        boolean snake() {
            return task == SNAKE_TASK_ID;
        }

        @Override
        public String file() {
            return KERNEL_FILE;
        }

        @Override
        public String kernelName() {
            return KERNEL_NAME;
        }

        @Override
        public String buildOptions() {
            return String.format(Locale.ROOT, "-DTASK=%d -DSPARSE=%d -DROWS=%d -DCOLS=%d -DMAX_CALLS=%d -DWHILE_CAPACITY=%du",
                    task, sparse ? 1 : 0, rows, cols, maxCalls, whileCapacity());
        }
    }

    /** Snake's {@code Task.kernelId()}: the only task with a per-episode generator. */
    static final int SNAKE_TASK_ID = io.github.llmgs.engine.Tasks.byName("Snake").kernelId();

    /**
     * Slots of a large WHILE table (the kernel's WHILE_CAPACITY; {@link WhileTables}): the
     * smallest power of two >= 1.5 * (maxCalls + 1) (at least 16). An episode records at most
     * maxCalls + 1 keys (a call between any two), so the table is at most 2/3 full.
     */
    public static long whileCapacity(int maxCalls) {
        long need = Math.max(16, (3L * (Math.max(0, maxCalls) + 1L) + 1) / 2);
        long cap = Long.highestOneBit(need);
        if (cap < need) cap <<= 1;
        if (cap > (1L << 30)) {
            throw new IllegalArgumentException("max_calls " + maxCalls + " needs a WHILE table of " + cap
                    + " slots per episode; the OpenCL backend supports at most 2^30");
        }
        return cap;
    }
}
