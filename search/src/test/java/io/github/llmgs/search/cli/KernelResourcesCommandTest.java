package io.github.llmgs.search.cli;

import org.junit.jupiter.api.Test;

/** {@code llmgs kernel-resources}: option errors; the report itself is held to its ceiling by the kernels' KernelResourcesTest. */
class KernelResourcesCommandTest {
    @Test
    void aCapOutOfRangeIsAOneLineError() {
        Cli.run("kernel-resources", "--max-registers", "-1").assertUserError("--max-registers -1: 0 (no cap) or 1..255");
        Cli.run("kernel-resources", "--max-registers", "300").assertUserError("--max-registers 300: 0 (no cap) or 1..255");
    }
}
