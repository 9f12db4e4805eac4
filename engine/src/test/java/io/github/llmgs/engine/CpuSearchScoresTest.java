package io.github.llmgs.engine;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.CpuBackend;

/** The search vectors' scores on the CPU VM. */
class CpuSearchScoresTest extends SearchScoresTest {
    @Override
    protected Backend backend() {
        return new CpuBackend(2);
    }
}
