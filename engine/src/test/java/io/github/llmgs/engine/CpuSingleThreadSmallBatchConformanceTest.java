package io.github.llmgs.engine;

import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.CpuBackend;

/** Thread count and batch size never change results: one thread, 7 programs per call. */
class CpuSingleThreadSmallBatchConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend backend() {
        return new CpuBackend(1);
    }

    @Override
    protected int batchPrograms() {
        return 7;
    }
}
