package io.github.llmgs.kernels;

import io.github.llmgs.engine.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The OpenCL C sources on the classpath ({@code karel.cl} and the generated {@code opcodes.h} and {@code engine.h})
 * and the build options that specialise the kernel for one task variant, size and call limit.
 */
final class KernelSource {
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

    /**
     * karel.cl with each {@code #include "X"} of a generated header replaced by the header's text
     * (so the build needs no include path), each followed by a {@code #line} directive so that
     * build logs name karel.cl lines.
     */
    static String program() {
        String kernel = resource(KERNEL_FILE);
        for (String header : HEADERS) {
            String include = "#include \"" + header + "\"";
            int at = kernel.indexOf(include);
            if (at < 0) {
                throw new IllegalStateException(KERNEL_FILE + " does not include " + header);
            }
            int line = kernelLine(kernel, at);
            kernel = kernel.substring(0, at) + resource(header) + "\n#line " + (line + 1) + " \"" + KERNEL_FILE + "\"\n"
                    + kernel.substring(at + include.length()).replaceFirst("^\r?\n", "");
        }
        return kernel;
    }

    /** The karel.cl line of position {@code at}, counting the #line directives already inlined. */
    private static int kernelLine(String text, int at) {
        int line = 1;
        int from = 0;
        int directive = text.lastIndexOf("\n#line ", at);
        if (directive >= 0) {
            int start = directive + "\n#line ".length();
            line = Integer.parseInt(text.substring(start, text.indexOf(' ', start)));
            from = text.indexOf('\n', start) + 1;
        }
        for (int i = from; i < at; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /** What one built program is specialised for. */
    record Config(int task, boolean sparse, int rows, int cols, int maxCalls) {
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

        String buildOptions() {
            return String.format(Locale.ROOT, "-DTASK=%d -DSPARSE=%d -DROWS=%d -DCOLS=%d -DMAX_CALLS=%d -DWHILE_CAPACITY=%du",
                    task, sparse ? 1 : 0, rows, cols, maxCalls, whileCapacity());
        }
    }

    /** Snake's {@code Task.kernelId()}: the only task with a per-episode generator. */
    static final int SNAKE_TASK_ID = io.github.llmgs.engine.Tasks.byName("Snake").kernelId();

    /**
     * Slots of a work-item's WHILE table: the smallest power of two >= 1.5 * (maxCalls + 1)
     * (at least 16). An episode records at most maxCalls keys (each after a call), so the
     * table is at most 2/3 full.
     */
    static long whileCapacity(int maxCalls) {
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
