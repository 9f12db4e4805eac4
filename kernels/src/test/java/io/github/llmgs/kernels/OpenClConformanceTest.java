package io.github.llmgs.kernels;

import io.github.llmgs.engine.BackendConformanceTest;
import io.github.llmgs.engine.batch.Backend;
import io.github.llmgs.engine.batch.BackendOptions;

/**
 * The reference vectors (75,072 episodes, 384 instances, RandomState and Snake tape draws) on the
 * OpenCL backend: returns to 1e-9, steps, calls and crash flags exactly.
 */
class OpenClConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend backend() {
        return OpenClTestSupport.open(BackendOptions.defaults());
    }
}
