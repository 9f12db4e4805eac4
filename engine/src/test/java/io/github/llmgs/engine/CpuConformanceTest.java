package io.github.llmgs.engine;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.CpuBackend;

/** The bytecode VM on all cores holds to the reference implementation's vectors. */
class CpuConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}
