package io.github.llmgs.kernels;

import io.github.llmgs.engine.Task;
import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.TreeWalker;
import io.github.llmgs.engine.minigrid.MiniGridTask;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import io.github.llmgs.engine.minigrid.ProgramWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GPU-free resource report of the kernels as NVIDIA Hopper (sm_90) would get them: each task's
 * build (the exact source and options the backends build) compiled by clang's NVPTX back end to
 * PTX and assembled by CUDA's {@code ptxas -v}, which prints registers, stack (local memory) and
 * spills. It estimates what NVIDIA's driver compiler does: good for regressions and occupancy
 * (65,536 registers per SM: 32 or fewer per work-item keep all 64 warps resident). The same steps
 * as {@code shared/tools/kernel-resources}, with an {@code atomic_inc} stand-in in the prelude.
 *
 * <p>Run: {@code java -cp search/target/llmgs.jar io.github.llmgs.kernels.KernelResources [--max-registers=N]}
 * (default 0: ptxas's own choice, as the backends build; N caps ptxas at N registers, {@code -maxrregcount}).
 */
public final class KernelResources {
    /** One build: which task, which kernel, and what ptxas reported. */
    public record Build(String domain, String task, String kernel, String options, int registers, int stack,
                        int spillStores, int spillLoads) {
        /**
         * Warps one SM can hold by registers alone: 65,536 registers, given out per warp in units
         * of 256 (so 34 registers per work-item take 40's worth), at most 64 warps.
         */
        public int warpsPerSm() {
            int perWarp = (Math.max(1, registers) * 32 + 255) / 256 * 256;
            return Math.min(64, 65_536 / perWarp);
        }
    }

    /** Where clang (15 or later) and ptxas are, if they are. */
    public record Tools(Path clang, Path ptxas) {
        public static Optional<Tools> find() {
            Optional<Path> clang = first("clang-15", "clang-16", "clang-17", "/usr/lib/llvm-15/bin/clang", "clang");
            Optional<Path> ptxas = first("ptxas", "/usr/local/cuda/bin/ptxas");
            return clang.isPresent() && ptxas.isPresent() ? Optional.of(new Tools(clang.get(), ptxas.get())) : Optional.empty();
        }

        private static Optional<Path> first(String... names) {
            for (String n : names) {
                if (n.startsWith("/")) {
                    if (Files.isExecutable(Path.of(n))) return Optional.of(Path.of(n));
                    continue;
                }
                for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                    Path p = Path.of(dir.isEmpty() ? "." : dir, n);
                    if (Files.isExecutable(p)) return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** OpenCL work-item builtins and the library calls that clang leaves as externs without libclc. */
    static final String PRELUDE = String.join("\n",
            "size_t __attribute__((overloadable)) get_global_id(uint d) { return (size_t)__nvvm_read_ptx_sreg_ctaid_x() * __nvvm_read_ptx_sreg_ntid_x() + __nvvm_read_ptx_sreg_tid_x(); }",
            "size_t __attribute__((overloadable)) get_global_size(uint d) { return (size_t)__nvvm_read_ptx_sreg_nctaid_x() * __nvvm_read_ptx_sreg_ntid_x(); }",
            "size_t __attribute__((overloadable)) get_local_id(uint d) { return __nvvm_read_ptx_sreg_tid_x(); }",
            "size_t __attribute__((overloadable)) get_local_size(uint d) { return __nvvm_read_ptx_sreg_ntid_x(); }",
            "size_t __attribute__((overloadable)) get_group_id(uint d) { return __nvvm_read_ptx_sreg_ctaid_x(); }",
            "uint __attribute__((overloadable)) abs(int x) { return x < 0 ? (uint)(-x) : (uint)x; }",
            "uint __attribute__((overloadable)) atomic_inc(volatile __global uint* p) { return __sync_fetch_and_add(p, 1u); }",
            "") + "\n";

    private KernelResources() {}

    /**
     * Registers per work-item at which a Hopper SM holds its full 64 warps. Capping ptxas there
     * ({@code --max-registers=32}, as NVIDIA's {@code -cl-nv-maxrregcount=32} would) fits every
     * build in 32 but spills 4-16 bytes in 3 of the 21 (2026-12-03; 8 on 2026-12-02), so the backends ask no cap.
     */
    public static final int FULL_OCCUPANCY_REGISTERS = 32;

    /** Every task of every domain, at its domain's default call limit, as the backends build it (no register cap). */
    public static List<Build> all(Tools tools) throws IOException, InterruptedException {
        return all(tools, 0);
    }

    /** {@link #all(Tools)} with ptxas capped at {@code maxRegisters} per work-item (0: no cap, ptxas's own choice). */
    public static List<Build> all(Tools tools, int maxRegisters) throws IOException, InterruptedException {
        List<Build> out = new ArrayList<>();
        String karel = KernelSource.program(KernelSource.KERNEL_FILE);
        for (Task t : Tasks.all()) {
            KernelSource.Config c = KernelSource.Config.of(t, TreeWalker.DEFAULT_MAX_CALLS);
            out.add(build(tools, "karel", t.name(), karel, c.kernelName(), c.buildOptions(), maxRegisters));
        }
        String minigrid = KernelSource.program(io.github.llmgs.kernels.minigrid.MiniGridKernels.FILE);
        for (MiniGridTask t : MiniGridTasks.ALL) {
            String options = io.github.llmgs.kernels.minigrid.MiniGridKernels.buildOptions(t, ProgramWrapper.DEFAULT_MAX_CALLS);
            out.add(build(tools, "minigrid", t.name(), minigrid, io.github.llmgs.kernels.minigrid.MiniGridKernels.KERNEL, options,
                    maxRegisters));
        }
        return out;
    }

    private static final Pattern ENTRY = Pattern.compile("Compiling entry function '([^']*)'");
    private static final Pattern PROPERTIES = Pattern.compile("Function properties for (\\S+)");
    private static final Pattern FRAME = Pattern.compile("(\\d+) bytes stack frame, (\\d+) bytes spill stores, (\\d+) bytes spill loads");
    private static final Pattern USED = Pattern.compile("Used (\\d+) registers");

    /** One build of {@code source} with {@code options}: the entry {@code kernel}'s registers and stack, spills of every function. */
    static Build build(Tools tools, String domain, String task, String source, String kernel, String options, int maxRegisters)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("llmgs-kernel-resources");
        try {
            Path cl = work.resolve("k.cl"), ptx = work.resolve("k.ptx"), cubin = work.resolve("k.cubin");
            Files.writeString(cl, PRELUDE + source, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(tools.clang().toString(), "-x", "cl", "-cl-std=CL1.2", "-target",
                    "nvptx64-nvidia-nvcl", "-Xclang", "-finclude-default-header", "-O3", "-S"));
            cmd.addAll(List.of(options.trim().split("\\s+")));
            cmd.addAll(List.of(cl.toString(), "-o", ptx.toString()));
            run(cmd, "clang (" + task + ", " + options + ")");
            String p = Files.readString(ptx).replaceFirst("(?m)^\\.version [0-9.]*", ".version 7.8")
                    .replaceFirst("(?m)^\\.target sm_[0-9]*.*", ".target sm_90");
            Files.writeString(ptx, p);
            List<String> ptxas = new ArrayList<>(List.of(tools.ptxas().toString(), "-arch=sm_90", "-v"));
            if (maxRegisters > 0) ptxas.add("-maxrregcount=" + maxRegisters);
            ptxas.addAll(List.of(ptx.toString(), "-o", cubin.toString()));
            String v = run(ptxas, "ptxas (" + task + ", " + options + ")");
            String fn = null;
            int registers = -1, stack = -1, stores = 0, loads = 0;
            boolean found = false;
            for (String line : v.split("\n")) {
                Matcher m;
                if ((m = ENTRY.matcher(line)).find() && m.group(1).equals(kernel)) found = true;
                if ((m = PROPERTIES.matcher(line)).find()) fn = m.group(1);
                if ((m = FRAME.matcher(line)).find()) {
                    stores += Integer.parseInt(m.group(2));
                    loads += Integer.parseInt(m.group(3));
                    if (kernel.equals(fn)) stack = Integer.parseInt(m.group(1));
                }
                if ((m = USED.matcher(line)).find() && kernel.equals(fn)) registers = Integer.parseInt(m.group(1));
            }
            if (!found || registers < 0) {
                throw new IllegalStateException("ptxas reported no entry '" + kernel + "' for " + task + ":\n" + v);
            }
            return new Build(domain, task, kernel, options, registers, Math.max(0, stack), stores, loads);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String run(List<String> cmd, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(what + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IllegalStateException(what + " failed:\n" + text);
        return text;
    }

    /** A table of every build (markdown, as the README keeps it). */
    public static String table(List<Build> builds) {
        StringBuilder b = new StringBuilder("| domain | task | registers | stack (bytes) | spill stores | spill loads | warps/SM (of 64) |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (Build x : builds) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d |%n", x.domain(), x.task(), x.registers(), x.stack(),
                    x.spillStores(), x.spillLoads(), x.warpsPerSm()));
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        Optional<Tools> tools = Tools.find();
        if (tools.isEmpty()) {
            System.err.println("kernel-resources: needs clang-15 (or later) and CUDA's ptxas on the PATH or in /usr/lib/llvm-15/bin, /usr/local/cuda/bin");
            System.exit(2);
        }
        int cap = args.length > 0 && args[0].startsWith("--max-registers=") ? Integer.parseInt(args[0].substring(16)) : 0;
        System.out.println("ptxas -arch=sm_90" + (cap > 0 ? " -maxrregcount=" + cap : " (no register cap)"));
        System.out.print(table(all(tools.get(), cap)));
    }
}
