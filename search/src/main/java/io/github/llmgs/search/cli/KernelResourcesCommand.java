package io.github.llmgs.search.cli;

import io.github.llmgs.kernels.KernelResources;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmgs kernel-resources}: registers, stack and spills of every task's kernel build on Hopper, without a GPU. */
@Command(name = "kernel-resources", mixinStandardHelpOptions = true,
        description = {"Compile every task's OpenCL kernel build (both domains, the backends' exact source and options)",
                "for NVIDIA Hopper (sm_90) with clang's NVPTX back end and ptxas, and print registers, stack,",
                "spills and the warps an SM can hold. Needs clang-15 (or later) and CUDA's ptxas; no GPU."},
        footer = {"", "Examples:", "  llmgs kernel-resources", "  llmgs kernel-resources --max-registers 32   # what a register cap would cost in spills"})
final class KernelResourcesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--max-registers", paramLabel = "N", defaultValue = "0",
            description = "Cap ptxas at N registers (-maxrregcount); 0: ptxas's own choice, as the backends build (default: ${DEFAULT-VALUE}).")
    int maxRegisters;

    @Override
    public Integer call() {
        if (maxRegisters < 0 || maxRegisters > 255) throw new CliException("--max-registers " + maxRegisters + ": 0 (no cap) or 1..255");
        Optional<KernelResources.Tools> tools = KernelResources.Tools.find();
        if (tools.isEmpty()) {
            throw new CliException("needs clang-15 (or later) and CUDA's ptxas on the PATH (or in /usr/lib/llvm-15/bin, /usr/local/cuda/bin)");
        }
        List<KernelResources.Build> builds;
        try {
            builds = KernelResources.all(tools.get(), maxRegisters);
        } catch (IOException e) {
            throw new CliException("the kernel build failed: " + e.getMessage().strip().lines().findFirst().orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("ptxas -arch=sm_90" + (maxRegisters > 0 ? " -maxrregcount=" + maxRegisters : " (no register cap)")
                + ", clang " + tools.get().clang() + ", ptxas " + tools.get().ptxas());
        out.print(KernelResources.table(builds));
        out.flush();
        return 0;
    }
}
