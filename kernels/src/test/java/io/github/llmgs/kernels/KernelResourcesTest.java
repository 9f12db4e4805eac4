package io.github.llmgs.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.llmgs.engine.Tasks;
import io.github.llmgs.engine.minigrid.MiniGridTasks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps the kernels' Hopper (sm_90) resources honest, GPU-free: every task's build, as clang's
 * NVPTX back end and ptxas compile it, spills nothing and uses at most {@link #REGISTER_CEILING}
 * registers per work-item. Needs clang-15 (or later) and ptxas: under CI they must be found;
 * elsewhere the test skips and says so.
 */
class KernelResourcesTest {
    /** At or below this an SM keeps all 64 warps resident; every build is there since 2026-12-03. */
    static final int REGISTER_CEILING = 32;

    @Test
    void everyTaskOfEveryDomainStaysWithinTheRegisterCeilingWithNoSpills() throws Exception {
        Optional<KernelResources.Tools> tools = KernelResources.Tools.find();
        String reason = "kernel resources: no clang-15 and ptxas (PATH, /usr/lib/llvm-15/bin, /usr/local/cuda/bin)";
        if (tools.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) fail(reason + ", and CI=true requires them");
        Assumptions.assumeTrue(tools.isPresent(), reason + "; skipped");
        List<KernelResources.Build> builds = KernelResources.all(tools.get());
        assertEquals(Tasks.all().size() + MiniGridTasks.ALL.size(), builds.size());
        String table = KernelResources.table(builds);
        for (KernelResources.Build b : builds) {
            assertEquals(0, b.spillStores() + b.spillLoads(), () -> b.task() + " spills:\n" + table);
            assertTrue(b.registers() >= 1 && b.registers() <= REGISTER_CEILING,
                    () -> b.task() + " uses " + b.registers() + " registers, over the ceiling " + REGISTER_CEILING + ":\n" + table);
        }
    }

    @Test
    void warpsPerSmFollowTheRegisterFile() {
        assertEquals(64, new KernelResources.Build("k", "t", "k", "", 32, 0, 0, 0).warpsPerSm());
        assertEquals(51, new KernelResources.Build("k", "t", "k", "", 34, 0, 0, 0).warpsPerSm());
        assertEquals(42, new KernelResources.Build("k", "t", "k", "", 48, 0, 0, 0).warpsPerSm());
    }
}
